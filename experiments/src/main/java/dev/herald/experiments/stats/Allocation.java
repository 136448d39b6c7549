package dev.herald.experiments.stats;

/**
 * One variant's share of new traffic in bandit mode. Immutable.
 *
 * @param variant
 *            the variant's name
 * @param role
 *            its role
 * @param probabilityBest
 *            the estimated posterior probability that it is the best of the bandit's arms; 0 for the holdout, which is
 *            not part of the bandit
 * @param weight
 *            its share of all new traffic; the weights of an allocation sum to 1
 */
public record Allocation(String variant, Role role, double probabilityBest, double weight) {}
