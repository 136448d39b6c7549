package dev.herald.experiments.stats;

import org.hipparchus.special.Beta;

/**
 * A Beta(a, b) distribution with the few functions the Bayesian comparisons need, defined at the end points too
 * (Beta(1, b) has density b at 0, where a generic implementation returns 0). Immutable.
 */
record BetaPosterior(double a, double b, double logNormaliser) {

    BetaPosterior(double a, double b) {
        this(a, b, Beta.logBeta(a, b));
    }

    /** The posterior of a rate after {@code successes} in {@code trials}, from a uniform Beta(1, 1) prior. */
    static BetaPosterior afterUniformPrior(String arm, long successes, long trials) {
        if (trials < 0 || successes < 0 || successes > trials) {
            throw new IllegalArgumentException("The " + arm + "'s counts must satisfy 0 <= successes <= trials, got "
                    + successes + " of " + trials);
        }
        return new BetaPosterior(1.0 + successes, 1.0 + trials - successes);
    }

    double mean() {
        return a / (a + b);
    }

    double sd() {
        double total = a + b;
        return Math.sqrt(a * b / (total * total * (total + 1)));
    }

    double density(double x) {
        if (x < 0 || x > 1) {
            return 0;
        }
        double logDensity = (a == 1 ? 0 : (a - 1) * Math.log(x)) + (b == 1 ? 0 : (b - 1) * Math.log1p(-x))
                - logNormaliser;
        return Math.exp(logDensity);
    }

    /** {@code P(X <= x)}. */
    double cumulative(double x) {
        if (x <= 0) {
            return 0;
        }
        if (x >= 1) {
            return 1;
        }
        return Beta.regularizedBeta(x, a, b);
    }

    /** {@code P(X > x)}, computed as {@code I_{1-x}(b, a)} to avoid the cancellation of {@code 1 - F(x)}. */
    double upperTail(double x) {
        if (x <= 0) {
            return 1;
        }
        if (x >= 1) {
            return 0;
        }
        return Beta.regularizedBeta(1 - x, b, a);
    }

    /** {@code E[max(X - y, 0)] = mean * P(X' > y) - y * P(X > y)}, X' ~ Beta(a + 1, b). */
    double expectedExcessAbove(double y) {
        if (y <= 0) {
            return mean() - y;
        }
        if (y >= 1) {
            return 0;
        }
        return Math.max(0, mean() * Beta.regularizedBeta(1 - y, b, a + 1) - y * upperTail(y));
    }

    /** {@code E[max(x - X, 0)] = x * F(x) - mean * F'(x)}, F' the distribution function of Beta(a + 1, b). */
    double expectedShortfallBelow(double x) {
        if (x <= 0) {
            return 0;
        }
        if (x >= 1) {
            return x - mean();
        }
        return Math.max(0, x * cumulative(x) - mean() * Beta.regularizedBeta(x, a + 1, b));
    }
}
