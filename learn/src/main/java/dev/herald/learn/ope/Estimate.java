package dev.herald.learn.ope;

/**
 * An off-policy estimate of a candidate policy's mean reward per round, with its uncertainty and the diagnostics of
 * its importance weights w = pi_e(a|x) / pi_b(a|x).
 *
 * @param estimator
 *            the estimator's name ("IPS", "SNIPS", "DR")
 * @param value
 *            the estimated mean reward per round under the candidate
 * @param standardError
 *            the estimated standard error of {@code value}
 * @param lower
 *            the lower end of the confidence interval
 * @param upper
 *            the upper end of the confidence interval
 * @param confidenceLevel
 *            1 - alpha
 * @param rounds
 *            the number of logged rounds used
 * @param effectiveSampleSize
 *            (sum w)^2 / sum w^2: how many on-policy rounds the logs are worth; far below {@code rounds} means the
 *            candidate strays from the logging policy and the estimate leans on few rounds
 * @param maxWeight
 *            the largest importance weight
 */
public record Estimate(String estimator, double value, double standardError, double lower, double upper,
        double confidenceLevel, int rounds, double effectiveSampleSize, double maxWeight) {

    /** Whether {@code x} lies in the confidence interval. */
    public boolean covers(double x) {
        return lower <= x && x <= upper;
    }
}
