package dev.herald.server.experiment;

import dev.herald.core.experiment.Experiment;
import dev.herald.core.experiment.VariantCounts;
import java.util.List;
import java.util.Optional;

/**
 * Computes a section of an experiment's report from its arms' counts: the seam where the statistics (significance,
 * intervals, the sample-ratio check, guardrails) are added to reports, for the command line and the admin API alike.
 *
 * <p>Implementations must be thread-safe and must not change the counts.
 */
@FunctionalInterface
public interface ReportSections {

    /** No sections: the counts and rates only. */
    ReportSections NONE = (experiment, counts) -> List.of();

    /** The sections for this experiment and these counts (in the order of {@link Experiment#arms()}). */
    List<ReportSection> compute(Experiment experiment, List<VariantCounts> counts);

    /** A seam for one section given as a function of the counts. */
    static ReportSections of(
            java.util.function.BiFunction<Experiment, List<VariantCounts>, Optional<ReportSection>> section) {
        return (experiment, counts) -> section.apply(experiment, counts).stream().toList();
    }
}
