package dev.herald.experiments.stats;

import org.hipparchus.distribution.continuous.NormalDistribution;

/**
 * The two-proportion z-test of a variant's rate against a baseline's, two-sided. The p-value uses the pooled standard
 * error (the rates are equal under the null hypothesis); the confidence interval of the difference uses the unpooled
 * (Wald) standard error. Both rest on the normal approximation, good when each arm has at least about 10 successes and
 * 10 failures. Stateless and thread-safe.
 */
public final class TwoProportionZTest {

    /** The method's name in results. */
    public static final String METHOD = "two-proportion z-test";

    private static final NormalDistribution STANDARD_NORMAL = new NormalDistribution();

    private TwoProportionZTest() {}

    /**
     * Compares two proportions.
     *
     * @param baselineSuccesses
     *            successes in the baseline (converted users, say)
     * @param baselineTrials
     *            the baseline's users, at least 1
     * @param variantSuccesses
     *            successes in the variant
     * @param variantTrials
     *            the variant's users, at least 1
     * @param alpha
     *            1 minus the confidence level of the interval, in (0, 1)
     * @return the difference {@code variant - baseline}, its interval and the p-value
     * @throws IllegalArgumentException
     *             when a count is out of range
     */
    public static FixedHorizonTest compare(long baselineSuccesses, long baselineTrials, long variantSuccesses,
            long variantTrials, double alpha) {
        Checks.proportion("baseline", baselineSuccesses, baselineTrials);
        Checks.proportion("variant", variantSuccesses, variantTrials);
        Checks.alpha(alpha);
        double baselineRate = (double) baselineSuccesses / baselineTrials;
        double variantRate = (double) variantSuccesses / variantTrials;
        double difference = variantRate - baselineRate;

        double unpooledError = Math.sqrt(baselineRate * (1 - baselineRate) / baselineTrials
                + variantRate * (1 - variantRate) / variantTrials);
        double critical = STANDARD_NORMAL.inverseCumulativeProbability(1 - alpha / 2);

        double pooledRate = (double) (baselineSuccesses + variantSuccesses) / (baselineTrials + variantTrials);
        double pooledError = Math.sqrt(
                pooledRate * (1 - pooledRate) * (1.0 / baselineTrials + 1.0 / variantTrials));
        // A zero pooled error means both rates are 0 or both are 1: no difference, no evidence of one.
        double z = pooledError == 0 ? 0 : difference / pooledError;
        double pValue = pooledError == 0 ? 1 : twoSidedNormal(z);

        return new FixedHorizonTest(METHOD, baselineRate, variantRate, difference,
                baselineRate == 0 ? null : difference / baselineRate, difference - critical * unpooledError,
                difference + critical * unpooledError, z, null, pValue);
    }

    /** The two-sided p-value {@code 2 * P(Z > |z|)} of a standard normal statistic. */
    static double twoSidedNormal(double z) {
        return Math.min(1, 2 * STANDARD_NORMAL.cumulativeProbability(-Math.abs(z)));
    }
}
