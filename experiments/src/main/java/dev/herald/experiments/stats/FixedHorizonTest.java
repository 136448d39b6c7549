package dev.herald.experiments.stats;

/**
 * The classical (fixed-horizon) comparison of a variant with a baseline: valid when it is read once, at a sample size
 * fixed in advance. Reading it repeatedly and stopping at the first small p-value inflates false positives; see
 * {@link AlwaysValidEstimate} for the result that may be read at any time. Two-sided. Immutable.
 *
 * <p>
 * Boxed fields are {@code null} when the quantity is not defined, never {@code NaN}, so the record serialises to plain
 * JSON.
 *
 * @param method
 *            the test, in words ({@code "two-proportion z-test"}, {@code "Welch t-test"})
 * @param baselineValue
 *            the baseline's rate or mean
 * @param variantValue
 *            the variant's rate or mean
 * @param difference
 *            {@code variantValue - baselineValue}, in the metric's units (a rate difference is a fraction: 0.012 is
 *            1.2 percentage points)
 * @param relativeLift
 *            {@code difference / baselineValue}; {@code null} when the baseline's value is 0
 * @param ciLow
 *            the lower end of the (1 - alpha) confidence interval of the difference
 * @param ciHigh
 *            its upper end
 * @param statistic
 *            the test statistic (z or t)
 * @param degreesOfFreedom
 *            the t distribution's degrees of freedom; {@code null} for a z-test
 * @param pValue
 *            the two-sided p-value of "no difference", not adjusted for multiple comparisons
 */
public record FixedHorizonTest(String method, double baselineValue, double variantValue, double difference,
        Double relativeLift, double ciLow, double ciHigh, double statistic, Double degreesOfFreedom, double pValue) {}
