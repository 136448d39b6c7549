package dev.herald.experiments.stats;

import java.util.function.DoubleUnaryOperator;
import org.hipparchus.distribution.continuous.NormalDistribution;

/**
 * Bayesian comparisons of a variant with a baseline, computed deterministically (no Monte Carlo). Stateless and
 * thread-safe.
 *
 * <p>
 * <b>Proportions.</b> Each rate has a uniform Beta(1, 1) prior, so its posterior after {@code x} successes in
 * {@code n} users is Beta(1 + x, 1 + n - x). The chance to beat is {@code P(V > B) = integral f_V(y) F_B(y) dy} and
 * the loss of choosing the variant is {@code E[max(B - V, 0)] = integral f_V(y) E[max(B - y, 0)] dy}, where the inner
 * expectation has the closed form {@code mean_B * (1 - I_y(a_B + 1, b_B)) - y * (1 - I_y(a_B, b_B))} ({@code I} is the
 * regularised incomplete beta function). The integrals run over the narrower of the two posteriors (so the other's
 * distribution function is smooth on the grid), from its mean minus 30 to plus 30 standard deviations (clipped to
 * [0, 1]), with composite Simpson's rule on 2,000 panels. The loss of keeping the baseline follows from
 * {@code E[max(V - B, 0)] - E[max(B - V, 0)] = E[V] - E[B]}.
 *
 * <p>
 * <b>Means (revenue per recipient).</b> A normal approximation: with flat priors and large samples the difference of
 * the means is approximately {@code N(d, s^2)}, {@code d} the observed difference and {@code s^2} the sum of the
 * variances of the two means (as in Welch's test). Then {@code P(V > B) = Phi(d / s)} and
 * {@code E[max(B - V, 0)] = s * phi(d / s) - d * Phi(-d / s)}. It ignores the uncertainty in the variances, which is
 * small at the sample sizes where revenue is worth reading.
 */
public final class BayesianComparison {

    /** The method's name in results, for proportions. */
    public static final String BETA_METHOD = "Beta(1,1) prior, numerical integration";
    /** The method's name in results, for means. */
    public static final String NORMAL_METHOD = "normal approximation of the difference of means";

    private static final NormalDistribution STANDARD_NORMAL = new NormalDistribution();
    private static final int PANELS = 2_000;
    private static final double HALF_RANGE_IN_SDS = 30;

    private BayesianComparison() {}

    /**
     * Compares two proportions under Beta(1, 1) priors, "better" meaning a higher rate.
     *
     * @return the chance that the variant's rate is higher and the expected losses, in rate units
     * @throws IllegalArgumentException
     *             when a count is out of range (zero users is allowed: the posterior is then the prior)
     */
    public static BayesianEstimate proportions(long baselineSuccesses, long baselineTrials, long variantSuccesses,
            long variantTrials) {
        BetaPosterior baseline = BetaPosterior.afterUniformPrior("baseline", baselineSuccesses, baselineTrials);
        BetaPosterior variant = BetaPosterior.afterUniformPrior("variant", variantSuccesses, variantTrials);
        double chanceToBeat;
        double lossChoosingVariant;
        if (variant.sd() <= baseline.sd()) {
            chanceToBeat = integrate(variant, baseline::cumulative);
            lossChoosingVariant = integrate(variant, baseline::expectedExcessAbove);
        } else {
            chanceToBeat = integrate(baseline, variant::upperTail);
            lossChoosingVariant = integrate(baseline, variant::expectedShortfallBelow);
        }
        double lossChoosingBaseline = lossChoosingVariant + variant.mean() - baseline.mean();
        return new BayesianEstimate(BETA_METHOD, clamp(chanceToBeat), Math.max(0, lossChoosingVariant),
                Math.max(0, lossChoosingBaseline));
    }

    /**
     * Compares two means with the normal approximation, "better" meaning a higher mean.
     *
     * @return the chance that the variant's mean is higher and the expected losses, in the metric's units
     * @throws IllegalArgumentException
     *             when an arm has fewer than 2 users or neither arm varies
     */
    public static BayesianEstimate means(SampleMoments baseline, SampleMoments variant) {
        Checks.atLeast("baseline", baseline, 2);
        Checks.atLeast("variant", variant, 2);
        double difference = variant.mean() - baseline.mean();
        double sd = Math.sqrt(baseline.varianceOfMean() + variant.varianceOfMean());
        if (sd == 0) {
            throw new IllegalArgumentException("The normal approximation needs some variance: every user has the"
                    + " same value in each arm");
        }
        double standardized = difference / sd;
        double lossChoosingVariant = sd * STANDARD_NORMAL.density(standardized)
                - difference * STANDARD_NORMAL.cumulativeProbability(-standardized);
        return new BayesianEstimate(NORMAL_METHOD, STANDARD_NORMAL.cumulativeProbability(standardized),
                Math.max(0, lossChoosingVariant), Math.max(0, lossChoosingVariant + difference));
    }

    /** {@code integral density(x) * g(x) dx} by Simpson's rule over the bulk of the density. */
    private static double integrate(BetaPosterior density, DoubleUnaryOperator g) {
        double mean = density.mean();
        double halfRange = HALF_RANGE_IN_SDS * density.sd();
        double low = Math.max(0, mean - halfRange);
        double high = Math.min(1, mean + halfRange);
        double step = (high - low) / PANELS;
        double sum = 0;
        for (int i = 0; i <= PANELS; i++) {
            double x = i == PANELS ? high : low + i * step;
            double weight = i == 0 || i == PANELS ? 1 : i % 2 == 1 ? 4 : 2;
            sum += weight * density.density(x) * g.applyAsDouble(x);
        }
        return sum * step / 3;
    }

    private static double clamp(double probability) {
        return Math.max(0, Math.min(1, probability));
    }
}
