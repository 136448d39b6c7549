package dev.herald.experiments.stats;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.hipparchus.random.RandomDataGenerator;

/**
 * Thompson-sampling traffic allocation for the optional bandit mode: each arm (the control and the treatments) gets
 * new traffic in proportion to the posterior probability that it is the best, estimated by Monte Carlo draws from
 * each arm's Beta(1 + successes, 1 + failures) posterior. The draws come from a generator seeded by the caller, so an
 * allocation is reproducible. Every arm keeps at least {@code floor} of the bandit's traffic:
 * {@code weight = floor + (1 - k * floor) * P(best)} for k arms, which sums to 1 and keeps learning about arms that
 * look bad. The holdout, if any, keeps its planned share and is not part of the bandit. Stateless and thread-safe.
 *
 * <p>
 * Caveat: rates measured on adaptively allocated traffic are biased (an arm that was unlucky early gets less traffic
 * and its low estimate is corrected more slowly), and the fixed-horizon tests assume fixed weights. Read a bandit's
 * winner from its posterior, or re-test it with fixed weights.
 */
public final class ThompsonAllocation {

    /** The default floor: every arm keeps at least 5% of the bandit's traffic. */
    public static final double DEFAULT_FLOOR = 0.05;
    /** The default number of Monte Carlo draws per arm. */
    public static final int DEFAULT_DRAWS = 10_000;

    private ThompsonAllocation() {}

    /**
     * New traffic weights with the default floor (0.05) and number of draws (10,000).
     *
     * @see #allocate(List, Metric, double, int, long)
     */
    public static List<Allocation> allocate(List<VariantCounts> variants, Metric metric, long seed) {
        return allocate(variants, metric, DEFAULT_FLOOR, DEFAULT_DRAWS, seed);
    }

    /**
     * New traffic weights for the variants.
     *
     * @param variants
     *            the experiment's variants (the holdout, if any, keeps its planned weight as its share)
     * @param metric
     *            the primary metric; a proportion ({@link Metric.Kind#PROPORTION}), "best" following its direction
     * @param floor
     *            the smallest share of the bandit's traffic an arm gets, in [0, 1 / arms]
     * @param draws
     *            Monte Carlo draws per arm, at least 100
     * @param seed
     *            the seed of the draws
     * @return one allocation per variant, in input order, weights summing to 1
     * @throws IllegalArgumentException
     *             for a mean metric, fewer than 2 arms, or a floor or number of draws out of range
     */
    public static List<Allocation> allocate(List<VariantCounts> variants, Metric metric, double floor, int draws,
            long seed) {
        Objects.requireNonNull(metric, "metric");
        if (metric.kind() != Metric.Kind.PROPORTION) {
            throw new IllegalArgumentException("Thompson allocation needs a rate with Beta posteriors; " + metric
                    + " is a mean");
        }
        List<VariantCounts> arms = variants.stream().filter(v -> v.role() != Role.HOLDOUT).toList();
        if (arms.size() < 2) {
            throw new IllegalArgumentException(
                    "A bandit needs at least 2 arms besides the holdout, got " + arms.size());
        }
        if (!(floor >= 0 && floor * arms.size() <= 1)) {
            throw new IllegalArgumentException("The floor must be in [0, 1/" + arms.size() + "] for " + arms.size()
                    + " arms, got " + floor);
        }
        if (draws < 100) {
            throw new IllegalArgumentException("Thompson allocation needs at least 100 draws, got " + draws);
        }
        double weightSum = variants.stream().mapToDouble(VariantCounts::plannedWeight).sum();
        double holdoutShare = variants.stream().filter(v -> v.role() == Role.HOLDOUT)
                .mapToDouble(VariantCounts::plannedWeight).sum() / weightSum;

        double[] probabilityBest = probabilityBest(arms, metric, draws, seed);
        List<Allocation> allocations = new ArrayList<>();
        int arm = 0;
        for (VariantCounts variant : variants) {
            if (variant.role() == Role.HOLDOUT) {
                allocations.add(new Allocation(variant.name(), variant.role(), 0, holdoutShare));
            } else {
                double banditWeight = floor + (1 - arms.size() * floor) * probabilityBest[arm];
                allocations.add(new Allocation(variant.name(), variant.role(), probabilityBest[arm],
                        banditWeight * (1 - holdoutShare)));
                arm++;
            }
        }
        return allocations;
    }

    /** The share of joint draws in which each arm has the best rate (ties, of probability 0, go to the first). */
    private static double[] probabilityBest(List<VariantCounts> arms, Metric metric, int draws, long seed) {
        RandomDataGenerator random = new RandomDataGenerator(seed);
        int k = arms.size();
        double[] alpha = new double[k];
        double[] beta = new double[k];
        for (int i = 0; i < k; i++) {
            long successes = metric.successes(arms.get(i));
            alpha[i] = 1.0 + successes;
            beta[i] = 1.0 + arms.get(i).exposed() - successes;
        }
        double sign = metric.higherIsBetter() ? 1 : -1;
        long[] wins = new long[k];
        for (int draw = 0; draw < draws; draw++) {
            int best = 0;
            double bestValue = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < k; i++) {
                double value = sign * random.nextBeta(alpha[i], beta[i]);
                if (value > bestValue) {
                    bestValue = value;
                    best = i;
                }
            }
            wins[best]++;
        }
        double[] probability = new double[k];
        for (int i = 0; i < k; i++) {
            probability[i] = (double) wins[i] / draws;
        }
        return probability;
    }
}
