package dev.herald.experiments.stats;

/**
 * The variance tau^2 of the normal mixing distribution {@code N(0, tau^2)} of the mixture sequential probability ratio
 * test ({@link SequentialTest}): the spread of effects the test is tuned to find. Any tau^2 gives a valid test; it
 * decides at which sample size the always-valid interval is narrowest. Immutable.
 */
public sealed interface MixingVariance {

    /** The planned users per arm of the default: the interval is narrowest near 10,000 users per arm. */
    long DEFAULT_USERS_PER_ARM = 10_000;

    /** The default: {@link #narrowestAt(long, double) narrowestAt(10_000, 0.05)}, an effect sd of about 0.04 sd. */
    MixingVariance DEFAULT = narrowestAt(DEFAULT_USERS_PER_ARM, 0.05);

    /**
     * The tau^2 to use at one look.
     *
     * @param perUserVariance
     *            the variance of one user's value, estimated from both arms (for a rate p, {@code p(1 - p)})
     * @return tau^2, positive
     */
    double tauSquaredFor(double perUserVariance);

    /**
     * A fixed tau^2 in the metric's squared units (for a conversion rate, {@code 1e-4} is an effect sd of one
     * percentage point), as in the paper. It must be chosen before the experiment starts.
     *
     * @param tauSquared
     *            positive and finite
     */
    record Absolute(double tauSquared) implements MixingVariance {
        public Absolute {
            if (!(tauSquared > 0 && Double.isFinite(tauSquared))) {
                throw new IllegalArgumentException("tau^2 must be positive and finite, got " + tauSquared);
            }
        }

        @Override
        public double tauSquaredFor(double perUserVariance) {
            return tauSquared;
        }
    }

    /**
     * tau^2 as a multiple of the per-user variance: {@code tau^2 = effectSizeSd^2 * sigma^2}, so the mixing
     * distribution is over standardised effects (Cohen's d) and one setting fits every metric whatever its units.
     * sigma^2 is estimated at each look (a plug-in, like the variance of the estimate itself).
     *
     * @param effectSizeSd
     *            the standard deviation of the standardised effect, positive and finite
     */
    record Standardized(double effectSizeSd) implements MixingVariance {
        public Standardized {
            if (!(effectSizeSd > 0 && Double.isFinite(effectSizeSd))) {
                throw new IllegalArgumentException("effectSizeSd must be positive and finite, got " + effectSizeSd);
            }
        }

        @Override
        public double tauSquaredFor(double perUserVariance) {
            return effectSizeSd * effectSizeSd * perUserVariance;
        }
    }

    /**
     * The standardised mixing variance whose always-valid interval is narrowest at {@code usersPerArm} users in each
     * of two equal arms. With {@code u = tau^2 / s^2} ({@code s^2} the variance of the estimate) the squared half-width
     * is proportional to {@code (1 + u) / u * (ln(1 / alpha) + ln(1 + u) / 2)}, smallest where
     * {@code u = 2 ln(1 / alpha) + ln(1 + u)} (solved by iteration; about 8.2 at alpha 0.05). With
     * {@code s^2 = 2 sigma^2 / n} that gives {@code effectSizeSd^2 = 2 u / n}.
     *
     * @param usersPerArm
     *            the sample size per arm the experiment is expected to reach, at least 1
     * @param alpha
     *            the significance level, in (0, 1)
     * @return the mixing variance
     */
    static Standardized narrowestAt(long usersPerArm, double alpha) {
        if (usersPerArm < 1) {
            throw new IllegalArgumentException("usersPerArm must be at least 1, got " + usersPerArm);
        }
        Checks.alpha(alpha);
        double twiceLogInverseAlpha = 2 * Math.log(1 / alpha);
        double u = twiceLogInverseAlpha;
        for (int i = 0; i < 100; i++) {
            u = twiceLogInverseAlpha + Math.log1p(u);
        }
        return new Standardized(Math.sqrt(2 * u / usersPerArm));
    }
}
