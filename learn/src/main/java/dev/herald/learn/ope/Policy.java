package dev.herald.learn.ope;

/**
 * A stochastic policy: the probability it chooses each action in a context. Implementations must be pure (same
 * answer for the same arguments) and return probabilities that sum to 1 over the actions of a context; the
 * estimators check both range and (for the doubly robust one) the sum.
 */
@FunctionalInterface
public interface Policy {

    /**
     * @return pi(action | context), in [0, 1]
     */
    double probability(String context, int action);
}
