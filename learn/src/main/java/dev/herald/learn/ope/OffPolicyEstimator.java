package dev.herald.learn.ope;

/**
 * Estimates a candidate policy's mean reward per round from logs collected under another policy. Implementations
 * are immutable and thread-safe.
 */
public sealed interface OffPolicyEstimator permits InversePropensityScoring, SelfNormalizedIps, DoublyRobust {

    /** The estimator's short name, as reported in {@link Estimate#estimator()}. */
    String name();

    /**
     * @param logs
     *            the logged rounds with their logging propensities
     * @param candidate
     *            the policy to evaluate
     * @param alpha
     *            one minus the confidence level of the interval, in (0, 1); 0.05 gives a 95% interval
     * @return the estimate, never null
     * @throws IllegalArgumentException
     *             if alpha is out of range or the candidate gives a probability outside [0, 1]
     */
    Estimate estimate(LoggedBandit logs, Policy candidate, double alpha);
}
