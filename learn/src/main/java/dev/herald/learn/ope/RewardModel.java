package dev.herald.learn.ope;

/**
 * A regression of the reward on context and action, q(x, a) ~ E[reward | x, a], used by the doubly robust estimator.
 * It need not be right: the doubly robust estimate stays unbiased when the propensities are right.
 */
@FunctionalInterface
public interface RewardModel {

    /**
     * @return the predicted mean reward of {@code action} in {@code context}, finite
     */
    double predict(String context, int action);
}
