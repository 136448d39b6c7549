package dev.herald.server.experiment;

import dev.herald.core.experiment.Experiment;
import dev.herald.store.ExperimentCounts;
import java.time.Instant;
import java.util.Objects;

/**
 * Makes experiments' reports from the store: counts the arms, then {@linkplain ExperimentReport#assemble assembles}
 * the report with the sections given. Thread-safe; each report reads one snapshot of the database.
 */
public final class ExperimentReports {

    private final ExperimentCounts counts;
    private final ReportSections sections;

    public ExperimentReports(ExperimentCounts counts, ReportSections sections) {
        this.counts = Objects.requireNonNull(counts, "counts");
        this.sections = Objects.requireNonNull(sections, "sections");
    }

    /** A report of the experiment as it stands, with its status at the given time. */
    public ExperimentReport report(Experiment experiment, Instant at) {
        return ExperimentReport.assemble(experiment, at, counts.count(experiment), sections);
    }
}
