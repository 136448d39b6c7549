package dev.herald.experiments.stats;

/**
 * The mixture sequential probability ratio test (mSPRT) of Johari, Koomen, Pekelis and Walsh, "Always Valid Inference:
 * Continuous Monitoring of A/B Tests" (Operations Research, 2022; arXiv:1512.04922), for the difference of two
 * means or proportions, with a normal mixing distribution {@code N(theta0, tau^2)}. Stateless and thread-safe; see
 * {@link SequentialMonitor} to follow an experiment over successive looks.
 *
 * <p>
 * With {@code d} the observed difference and {@code s^2} its estimated variance (the same plug-in as Welch's test:
 * {@code s_b^2 / n_b + s_v^2 / n_v}), the mixture likelihood ratio against {@code theta0} is
 *
 * <pre>
 * Lambda = sqrt(s^2 / (s^2 + tau^2)) * exp(tau^2 * (d - theta0)^2 / (2 s^2 (s^2 + tau^2)))
 * </pre>
 *
 * which for equal arms of n users and variance sigma^2 ({@code s^2 = 2 sigma^2 / n}) is the paper's formula. The
 * always-valid p-value is {@code min(1, 1 / Lambda(0))} (its running minimum over looks) and the always-valid
 * interval is the set of {@code theta0} where {@code Lambda(theta0) < 1 / alpha}:
 *
 * <pre>
 * d +- sqrt(2 s^2 (s^2 + tau^2) / tau^2 * (ln(1 / alpha) + ln((s^2 + tau^2) / s^2) / 2))
 * </pre>
 *
 * <p>
 * When the unpooled variance is 0 while the arms differ (every baseline user at one value, every variant user at
 * another, as with 0 of 3 against 3 of 3), it cannot measure the noise; the pooled variance of both arms together is
 * used instead. When every user in both arms has the same value the p-value is 1.
 */
public final class SequentialTest {

    private SequentialTest() {}

    /**
     * One look at a difference with a known variance (the paper's formula, nothing estimated here).
     *
     * @param difference
     *            the observed difference {@code variant - baseline}
     * @param varianceOfDifference
     *            its variance {@code s^2}, not negative; 0 means the difference is known exactly
     * @param tauSquared
     *            the mixing variance, positive
     * @param alpha
     *            1 minus the interval's confidence level, in (0, 1)
     * @return the p-value {@code min(1, 1 / Lambda(0))} and the interval, {@code looks} 1
     */
    public static AlwaysValidEstimate look(double difference, double varianceOfDifference, double tauSquared,
            double alpha) {
        Checks.alpha(alpha);
        if (!(varianceOfDifference >= 0 && Double.isFinite(varianceOfDifference)) || !Double.isFinite(difference)) {
            throw new IllegalArgumentException("The difference and its variance must be finite and the variance not"
                    + " negative, got " + difference + " and " + varianceOfDifference);
        }
        if (!(tauSquared > 0 && Double.isFinite(tauSquared))) {
            throw new IllegalArgumentException("tau^2 must be positive and finite, got " + tauSquared);
        }
        if (varianceOfDifference == 0) {
            return new AlwaysValidEstimate(difference == 0 ? 1 : 0, difference, difference, tauSquared, 1);
        }
        double s2 = varianceOfDifference;
        double total = s2 + tauSquared;
        double logLambda = 0.5 * Math.log(s2 / total) + tauSquared * difference * difference / (2 * s2 * total);
        double pValue = Math.min(1, Math.exp(-logLambda));
        double halfWidth = Math.sqrt(
                2 * s2 * total / tauSquared * (Math.log(1 / alpha) + 0.5 * Math.log(total / s2)));
        return new AlwaysValidEstimate(pValue, difference - halfWidth, difference + halfWidth, tauSquared, 1);
    }

    /**
     * One look at two proportions. The variance of the difference is the unpooled
     * {@code p_b(1 - p_b)/n_b + p_v(1 - p_v)/n_v}; the per-user variance given to {@code mixing} is {@code p(1 - p)}
     * of the pooled rate.
     *
     * @throws IllegalArgumentException
     *             when an arm has no user or a count is out of range
     */
    public static AlwaysValidEstimate proportions(long baselineSuccesses, long baselineTrials, long variantSuccesses,
            long variantTrials, MixingVariance mixing, double alpha) {
        Checks.proportion("baseline", baselineSuccesses, baselineTrials);
        Checks.proportion("variant", variantSuccesses, variantTrials);
        double baselineRate = (double) baselineSuccesses / baselineTrials;
        double variantRate = (double) variantSuccesses / variantTrials;
        double variance = baselineRate * (1 - baselineRate) / baselineTrials
                + variantRate * (1 - variantRate) / variantTrials;
        double pooled = (double) (baselineSuccesses + variantSuccesses) / (baselineTrials + variantTrials);
        double perUserVariance = pooled * (1 - pooled);
        if (variance == 0) {
            variance = perUserVariance * (1.0 / baselineTrials + 1.0 / variantTrials);
        }
        return lookWith(variantRate - baselineRate, variance, mixing, perUserVariance, alpha);
    }

    /**
     * One look at two means. The per-user variance given to {@code mixing} is the average of the two sample
     * variances.
     *
     * @throws IllegalArgumentException
     *             when an arm has fewer than 2 users
     */
    public static AlwaysValidEstimate means(SampleMoments baseline, SampleMoments variant, MixingVariance mixing,
            double alpha) {
        Checks.atLeast("baseline", baseline, 2);
        Checks.atLeast("variant", variant, 2);
        double perUserVariance = (baseline.variance() + variant.variance()) / 2;
        double variance = baseline.varianceOfMean() + variant.varianceOfMean();
        if (variance == 0) {
            SampleMoments pooled = new SampleMoments(baseline.n() + variant.n(), baseline.sum() + variant.sum(),
                    baseline.sumOfSquares() + variant.sumOfSquares());
            perUserVariance = pooled.variance();
            variance = perUserVariance * (1.0 / baseline.n() + 1.0 / variant.n());
        }
        return lookWith(variant.mean() - baseline.mean(), variance, mixing, perUserVariance, alpha);
    }

    /**
     * One look at a metric of two variants: {@link #proportions} or {@link #means} by the metric's kind.
     *
     * @throws IllegalArgumentException
     *             when the arms have too few users for the metric (1 for a rate, 2 for a mean)
     */
    public static AlwaysValidEstimate of(Metric metric, VariantCounts baseline, VariantCounts variant,
            MixingVariance mixing, double alpha) {
        return switch (metric.kind()) {
            case PROPORTION -> proportions(metric.successes(baseline), baseline.exposed(), metric.successes(variant),
                    variant.exposed(), mixing, alpha);
            case MEAN -> means(metric.sample(baseline), metric.sample(variant), mixing, alpha);
        };
    }

    private static AlwaysValidEstimate lookWith(double difference, double variance, MixingVariance mixing,
            double perUserVariance, double alpha) {
        if (variance == 0) {
            // Every user has the same value in both arms: no difference and no evidence of one. No tau^2 is needed
            // (nor defined for a standardised mixture).
            return new AlwaysValidEstimate(1, difference, difference, 0, 1);
        }
        return look(difference, variance, mixing.tauSquaredFor(perUserVariance), alpha);
    }
}
