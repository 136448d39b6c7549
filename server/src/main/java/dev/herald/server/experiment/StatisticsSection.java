package dev.herald.server.experiment;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.herald.core.experiment.Allocation;
import dev.herald.core.experiment.Experiment;
import dev.herald.core.experiment.VariantCounts;
import dev.herald.experiments.stats.ExperimentAnalysis;
import dev.herald.experiments.stats.ExperimentResult;
import dev.herald.experiments.stats.FixedHorizonTest;
import dev.herald.experiments.stats.Inference;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The statistics of an experiment's report ({@code sections.statistics}): for each treatment against the control
 * (and each arm against the holdout) the difference with its confidence interval, the p-value corrected for the
 * number of comparisons (Holm), the always-valid p-value that stays valid however often the report is read, the
 * chance to beat the baseline and the expected loss; the sample-ratio check; and the verdict lines. "Significant"
 * is decided by the always-valid p-values, because a report that anyone can open at any time is peeked at.
 *
 * <p>Rates here are per exposed user (the sample), so that arms with and without messages compare; the report's
 * tables also give the seed's rates per recipient. A bandit's split moves on purpose, so its sample ratio is not
 * checked; its rates come from adaptively allocated traffic and are biased (see docs/EXPERIMENTS.md).
 */
public final class StatisticsSection implements ReportSections {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public List<ReportSection> compute(Experiment experiment, List<VariantCounts> counts) {
        boolean bandit = experiment.allocation() instanceof Allocation.Bandit;
        ExperimentAnalysis analysis = ExperimentAnalysis.of(StatisticsCounts.metric(experiment.metric()))
                .withGuardrails(StatisticsCounts.guardrails(experiment)).withInference(Inference.ALWAYS_VALID);
        ObjectNode json = JSON.createObjectNode();
        List<String> lines = new ArrayList<>();
        try {
            ExperimentResult result = analysis.analyze(StatisticsCounts.of(counts, bandit));
            json = JSON.valueToTree(result);
            json.put("trustworthy", result.trustworthy() && !bandit);
            for (ExperimentResult.Comparison comparison : result.comparisons()) {
                lines.add(line(comparison));
            }
            lines.addAll(result.verdicts());
        } catch (IllegalArgumentException e) {
            json.put("error", e.getMessage());
            lines.add("no statistics: " + e.getMessage());
        }
        if (bandit) {
            String caveat = "bandit allocation: the split moves toward the better arms on purpose, so the sample ratio"
                    + " is not checked, and rates from adaptively allocated traffic are biased; confirm a winner"
                    + " with a fixed split";
            json.put("caveat", caveat);
            lines.add(caveat);
        }
        return List.of(new ReportSection("statistics", json, lines));
    }

    private static String line(ExperimentResult.Comparison c) {
        FixedHorizonTest test = c.fixedHorizon();
        return String.format(Locale.ROOT, "%s vs %s, %s%s: %+.4f (CI %.4f to %.4f), p %s, Holm p %s,"
                + " always-valid p %s (CI %.4f to %.4f), chance to beat %.1f%%, expected loss %.5f: %s",
                c.variant(), c.baseline(), c.metric().label(), c.guardrail() ? " (guardrail)" : "",
                test.difference(), test.ciLow(), test.ciHigh(), p(test.pValue()), p(c.adjustedPValue()),
                p(c.adjustedAlwaysValidPValue()), c.alwaysValid().ciLow(), c.alwaysValid().ciHigh(),
                100 * c.bayesian().chanceToBeat(), c.bayesian().expectedLossChoosingVariant(),
                c.outcome().name().toLowerCase(Locale.ROOT));
    }

    private static String p(double p) {
        return p < 0.001 ? "<0.001" : String.format(Locale.ROOT, "%.3f", p);
    }
}
