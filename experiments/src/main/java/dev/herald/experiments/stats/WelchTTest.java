package dev.herald.experiments.stats;

import org.hipparchus.distribution.continuous.TDistribution;

/**
 * Welch's unequal-variances t-test of a variant's mean against a baseline's, two-sided, from each arm's size, sum and
 * sum of squares. The degrees of freedom come from the Welch-Satterthwaite equation
 * {@code (a + b)^2 / (a^2 / (n1 - 1) + b^2 / (n2 - 1))} with {@code a = s1^2/n1}, {@code b = s2^2/n2}. It assumes the
 * mean of each arm is close to normal, which holds for large samples even when revenue per user is very skewed (most
 * users at 0), though heavy tails need more users than light ones. Stateless and thread-safe.
 */
public final class WelchTTest {

    /** The method's name in results. */
    public static final String METHOD = "Welch t-test";

    private WelchTTest() {}

    /**
     * Compares two means.
     *
     * @param baseline
     *            the baseline's per-user values, at least 2 users
     * @param variant
     *            the variant's per-user values, at least 2 users
     * @param alpha
     *            1 minus the confidence level of the interval, in (0, 1)
     * @return the difference {@code variant - baseline}, its interval, the degrees of freedom and the p-value
     * @throws IllegalArgumentException
     *             when an arm has fewer than 2 users, or when neither arm varies at all (every user has the same value
     *             in each arm), where the test is not defined
     */
    public static FixedHorizonTest compare(SampleMoments baseline, SampleMoments variant, double alpha) {
        Checks.atLeast("baseline", baseline, 2);
        Checks.atLeast("variant", variant, 2);
        Checks.alpha(alpha);
        double baselineError = baseline.varianceOfMean();
        double variantError = variant.varianceOfMean();
        double standardError = Math.sqrt(baselineError + variantError);
        if (standardError == 0) {
            throw new IllegalArgumentException("Welch's t-test needs some variance: every user has the same value in"
                    + " each arm (" + baseline.mean() + " and " + variant.mean() + ")");
        }
        double degreesOfFreedom = Math.pow(baselineError + variantError, 2)
                / (baselineError * baselineError / (baseline.n() - 1)
                        + variantError * variantError / (variant.n() - 1));
        TDistribution t = new TDistribution(degreesOfFreedom);
        double difference = variant.mean() - baseline.mean();
        double statistic = difference / standardError;
        double critical = t.inverseCumulativeProbability(1 - alpha / 2);
        double pValue = Math.min(1, 2 * t.cumulativeProbability(-Math.abs(statistic)));
        double baselineMean = baseline.mean();
        return new FixedHorizonTest(METHOD, baselineMean, variant.mean(), difference,
                baselineMean == 0 ? null : difference / baselineMean, difference - critical * standardError,
                difference + critical * standardError, statistic, degreesOfFreedom, pValue);
    }
}
