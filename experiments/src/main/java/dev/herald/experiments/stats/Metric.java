package dev.herald.experiments.stats;

/**
 * What an experiment measures. Every metric is per exposed user, so a holdout (sent nothing) is measured on the same
 * footing as the variants that were sent a message.
 */
public enum Metric {
    /** Share of exposed users who converted: {@code converted / exposed}. */
    CONVERSION("conversion", Kind.PROPORTION, true, true),
    /**
     * Mean revenue per exposed user: {@code revenueSum / exposed}, users without revenue counting as zero. Compared
     * with Welch's t-test on the per-user values.
     */
    REVENUE_PER_RECIPIENT("revenue per recipient", Kind.MEAN, true, true),
    /** Share of exposed users who clicked: {@code clicked / exposed}. */
    CLICK("click rate", Kind.PROPORTION, true, false),
    /** Share of exposed users who unsubscribed: {@code unsubscribed / exposed}. Lower is better; a guardrail. */
    UNSUBSCRIBE("unsubscribe rate", Kind.PROPORTION, false, false);

    /** How a metric's per-user values are distributed, which decides the test. */
    public enum Kind {
        /** Each user counts 0 or 1: a rate, compared with two-proportion tests and Beta posteriors. */
        PROPORTION,
        /** Each user has a real value: a mean, compared with Welch's t-test and a normal approximation. */
        MEAN
    }

    private final String label;
    private final Kind kind;
    private final boolean higherIsBetter;
    private final boolean comparableWithHoldout;

    Metric(String label, Kind kind, boolean higherIsBetter, boolean comparableWithHoldout) {
        this.label = label;
        this.kind = kind;
        this.higherIsBetter = higherIsBetter;
        this.comparableWithHoldout = comparableWithHoldout;
    }

    /** The metric's name in plain English, as verdicts print it ({@code "conversion"}). */
    public String label() {
        return label;
    }

    public Kind kind() {
        return kind;
    }

    /** {@code false} for a metric where a decrease is the improvement (unsubscribes). */
    public boolean higherIsBetter() {
        return higherIsBetter;
    }

    /**
     * Whether the metric means something for a holdout. Clicks and unsubscribes need a message, so a holdout has none
     * of them by construction; only outcomes (conversion, revenue) measure incrementality.
     */
    public boolean comparableWithHoldout() {
        return comparableWithHoldout;
    }

    /**
     * The number of exposed users counted by a proportion metric.
     *
     * @throws IllegalStateException
     *             for a {@link Kind#MEAN} metric
     */
    public long successes(VariantCounts counts) {
        return switch (this) {
            case CONVERSION -> counts.converted();
            case CLICK -> counts.clicked();
            case UNSUBSCRIBE -> counts.unsubscribed();
            case REVENUE_PER_RECIPIENT -> throw new IllegalStateException(
                    "REVENUE_PER_RECIPIENT is a mean, not a proportion: it has no success count");
        };
    }

    /** The per-user sample of the metric for one variant: n, sum and sum of squares (for a proportion, x = x^2). */
    public SampleMoments sample(VariantCounts counts) {
        return switch (kind) {
            case PROPORTION -> {
                long successes = successes(counts);
                yield new SampleMoments(counts.exposed(), successes, successes);
            }
            case MEAN -> new SampleMoments(counts.exposed(), counts.revenueSum(), counts.revenueSumOfSquares());
        };
    }

    /** The metric's value for one variant (a rate or a mean per exposed user); 0 when nobody is exposed. */
    public double value(VariantCounts counts) {
        return sample(counts).mean();
    }
}
