package dev.herald.experiments.stats;

import java.util.ArrayList;
import java.util.List;
import org.hipparchus.special.Gamma;

/**
 * Pearson's chi-squared goodness-of-fit test of the exposed counts against the planned weights, holdout included.
 * The p-value is the upper tail of the chi-squared distribution with k - 1 degrees of freedom, computed as the
 * regularised upper incomplete gamma function {@code Q(df / 2, chi^2 / 2)} so that small p-values keep their precision.
 * A strict threshold (0.001 by default) is the usual choice: the check runs on every experiment and every look, and a
 * false alarm stops a sound experiment. Stateless and thread-safe.
 */
public final class SampleRatioTest {

    /** The default threshold: flag when p < 0.001. */
    public static final double DEFAULT_THRESHOLD = 0.001;

    private SampleRatioTest() {}

    /**
     * Checks the exposed counts of every variant against their planned weights (normalised to sum to 1).
     *
     * @param variants
     *            at least 2 variants
     * @param threshold
     *            flag when the p-value is below it, in (0, 1)
     * @return the check; not flagged, with p-value 1, while nobody is exposed
     * @throws IllegalArgumentException
     *             with fewer than 2 variants or a threshold out of range
     */
    public static SampleRatioCheck check(List<VariantCounts> variants, double threshold) {
        if (variants.size() < 2) {
            throw new IllegalArgumentException(
                    "The sample ratio check needs at least 2 variants, got " + variants.size());
        }
        if (!(threshold > 0 && threshold < 1)) {
            throw new IllegalArgumentException("The threshold must be in (0, 1), got " + threshold);
        }
        double weightSum = variants.stream().mapToDouble(VariantCounts::plannedWeight).sum();
        long total = variants.stream().mapToLong(VariantCounts::exposed).sum();
        double chiSquared = 0;
        List<SampleRatioCheck.Share> shares = new ArrayList<>();
        for (VariantCounts variant : variants) {
            double plannedShare = variant.plannedWeight() / weightSum;
            double expected = plannedShare * total;
            if (total > 0) {
                double gap = variant.exposed() - expected;
                chiSquared += gap * gap / expected;
            }
            shares.add(new SampleRatioCheck.Share(variant.name(), plannedShare, expected, variant.exposed(),
                    total == 0 ? 0 : (double) variant.exposed() / total));
        }
        int degreesOfFreedom = variants.size() - 1;
        double pValue = total == 0 ? 1 : Gamma.regularizedGammaQ(degreesOfFreedom / 2.0, chiSquared / 2);
        return new SampleRatioCheck(chiSquared, degreesOfFreedom, pValue, threshold, pValue < threshold, shares);
    }
}
