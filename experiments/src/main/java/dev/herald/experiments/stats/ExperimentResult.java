package dev.herald.experiments.stats;

import java.util.List;

/**
 * The result of analysing an experiment, built by {@link ExperimentAnalysis}. Made of records, strings, numbers,
 * enums and lists only, so that Jackson serialises it as it is. The one kind of {@code null}: boxed numbers inside
 * {@link FixedHorizonTest} that are not defined (a relative lift over a baseline of 0). Immutable.
 *
 * @param primaryMetric
 *            the metric the experiment is decided on
 * @param guardrails
 *            metrics that must not get significantly worse
 * @param alpha
 *            the significance level; intervals are (1 - alpha)
 * @param correction
 *            the multiple-comparison correction applied within each family of comparisons (one metric against one
 *            baseline)
 * @param inference
 *            which p-values decide "significant": fixed-horizon or always-valid
 * @param variants
 *            every variant, in input order, with its counts and rates
 * @param comparisons
 *            every comparison that could be computed: each treatment against the control (primary metric and
 *            guardrails), and, when there is a holdout, each variant that is sent a message against the holdout on
 *            the primary metric
 * @param notEstimated
 *            the comparisons that could not be computed yet, with the reason
 * @param sampleRatio
 *            the sample-ratio-mismatch check; when flagged, nothing else should be trusted
 * @param verdicts
 *            the result in plain English, one finding per line, the sample-ratio check first
 */
public record ExperimentResult(Metric primaryMetric, List<Metric> guardrails, double alpha, Correction correction,
        Inference inference, List<VariantSummary> variants, List<Comparison> comparisons,
        List<NotEstimated> notEstimated, SampleRatioCheck sampleRatio, List<String> verdicts) {

    public ExperimentResult {
        guardrails = List.copyOf(guardrails);
        variants = List.copyOf(variants);
        comparisons = List.copyOf(comparisons);
        notEstimated = List.copyOf(notEstimated);
        verdicts = List.copyOf(verdicts);
    }

    /** Whether the result can be trusted at all: {@code false} when the sample-ratio check flagged a mismatch. */
    public boolean trustworthy() {
        return !sampleRatio.flagged();
    }

    /**
     * One variant's counts and its value of every metric (per exposed user; 0 while nobody is exposed).
     *
     * @param counts
     *            the counts as given
     * @param conversionRate
     *            {@code converted / exposed}
     * @param revenuePerRecipient
     *            {@code revenueSum / exposed}
     * @param clickRate
     *            {@code clicked / exposed}
     * @param unsubscribeRate
     *            {@code unsubscribed / exposed}
     */
    public record VariantSummary(VariantCounts counts, double conversionRate, double revenuePerRecipient,
            double clickRate, double unsubscribeRate) {

        static VariantSummary of(VariantCounts counts) {
            return new VariantSummary(counts, Metric.CONVERSION.value(counts),
                    Metric.REVENUE_PER_RECIPIENT.value(counts), Metric.CLICK.value(counts),
                    Metric.UNSUBSCRIBE.value(counts));
        }
    }

    /**
     * A variant against a baseline on one metric, read three ways: the fixed-horizon test, the Bayesian posterior and
     * the always-valid sequential test.
     *
     * @param variant
     *            the variant's name
     * @param baseline
     *            the baseline's name
     * @param baselineRole
     *            {@link Role#CONTROL} (which variant is best) or {@link Role#HOLDOUT} (what the message adds)
     * @param metric
     *            the metric compared
     * @param guardrail
     *            whether the metric is a guardrail here (else it is the primary metric)
     * @param fixedHorizon
     *            difference, interval and unadjusted p-value of the classical test
     * @param adjustedPValue
     *            the fixed-horizon p-value after the correction within this comparison's family
     * @param bayesian
     *            chance to beat the baseline and expected losses
     * @param alwaysValid
     *            the always-valid p-value and interval at this look
     * @param adjustedAlwaysValidPValue
     *            the always-valid p-value after the same correction
     * @param familySize
     *            the number of comparisons in the family the correction ran over (1: nothing to adjust)
     * @param significant
     *            whether the adjusted p-value chosen by the {@link Inference} is below alpha
     * @param outcome
     *            better, worse or inconclusive, in the metric's direction
     */
    public record Comparison(String variant, String baseline, Role baselineRole, Metric metric, boolean guardrail,
            FixedHorizonTest fixedHorizon, double adjustedPValue, BayesianEstimate bayesian,
            AlwaysValidEstimate alwaysValid, double adjustedAlwaysValidPValue, int familySize, boolean significant,
            Outcome outcome) {}

    /**
     * A comparison that could not be computed yet.
     *
     * @param variant
     *            the variant's name
     * @param baseline
     *            the baseline's name
     * @param metric
     *            the metric
     * @param reason
     *            why, in words that say what is missing
     */
    public record NotEstimated(String variant, String baseline, Metric metric, String reason) {}
}
