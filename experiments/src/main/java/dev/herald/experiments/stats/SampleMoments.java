package dev.herald.experiments.stats;

/**
 * A sample of per-user values reduced to what the tests need: its size, sum and sum of squares. For a proportion each
 * value is 0 or 1, so sum and sum of squares are both the number of successes. Immutable.
 *
 * @param n
 *            the number of users, not negative
 * @param sum
 *            the sum of their values
 * @param sumOfSquares
 *            the sum of the squares of their values, not negative
 */
public record SampleMoments(long n, double sum, double sumOfSquares) {

    public SampleMoments {
        if (n < 0) {
            throw new IllegalArgumentException("A sample size must not be negative, got " + n);
        }
        if (!Double.isFinite(sum) || !Double.isFinite(sumOfSquares) || sumOfSquares < 0) {
            throw new IllegalArgumentException(
                    "A sample needs a finite sum and a finite, non-negative sum of squares; got " + sum + " and "
                            + sumOfSquares);
        }
    }

    /** The mean value; 0 for an empty sample. */
    public double mean() {
        return n == 0 ? 0 : sum / n;
    }

    /**
     * The unbiased sample variance {@code (sum(x^2) - sum(x)^2 / n) / (n - 1)}, never negative (rounding is clamped).
     *
     * @throws IllegalStateException
     *             when {@code n < 2}, where the variance is not defined
     */
    public double variance() {
        if (n < 2) {
            throw new IllegalStateException("The sample variance needs at least 2 values, got " + n);
        }
        return Math.max(0, (sumOfSquares - sum * (sum / n)) / (n - 1));
    }

    /** The variance of the mean, {@code variance() / n}. */
    public double varianceOfMean() {
        return variance() / n;
    }
}
