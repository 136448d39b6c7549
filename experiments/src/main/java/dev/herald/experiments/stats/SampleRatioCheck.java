package dev.herald.experiments.stats;

import java.util.List;

/**
 * The sample-ratio-mismatch check of an experiment: do the exposed counts match the planned weights? A mismatch means
 * assignment or counting is broken (users lost from one arm, a redirect that fails in one variant), and then no
 * comparison can be trusted, however significant. Immutable.
 *
 * @param chiSquared
 *            Pearson's chi-squared statistic {@code sum (observed - expected)^2 / expected}
 * @param degreesOfFreedom
 *            the number of variants minus 1
 * @param pValue
 *            the chance of a chi-squared at least this large when assignment works
 * @param threshold
 *            the p-value below which the check flags a mismatch
 * @param flagged
 *            {@code pValue < threshold}
 * @param shares
 *            per variant, in input order: planned and observed
 */
public record SampleRatioCheck(double chiSquared, int degreesOfFreedom, double pValue, double threshold,
        boolean flagged, List<Share> shares) {

    public SampleRatioCheck {
        shares = List.copyOf(shares);
    }

    /**
     * One variant's planned and observed traffic.
     *
     * @param variant
     *            the variant's name
     * @param plannedShare
     *            its planned weight divided by the sum of the weights
     * @param expected
     *            the exposed users it should have, {@code plannedShare * total}
     * @param observed
     *            the exposed users it has
     * @param observedShare
     *            {@code observed / total}; 0 when nobody is exposed
     */
    public record Share(String variant, double plannedShare, double expected, long observed, double observedShare) {}
}
