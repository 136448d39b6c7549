package dev.herald.core.experiment;

import java.util.ArrayList;
import java.util.List;

/** How an experiment's traffic is split among its variants (the holdout's share is fixed either way). */
public sealed interface Allocation {

    /** The variants' weights as written, for the whole experiment. */
    record Fixed() implements Allocation {}

    /**
     * Weights that move toward the better variants as results come in ({@link AllocationWeights} gives them),
     * never below {@code floor} of the variants' traffic for any variant. A user keeps the variant first given.
     *
     * @param floor the least share of the variants' traffic each variant keeps, in {@code [0, 1)}
     */
    record Bandit(double floor) implements Allocation {

        public Bandit {
            if (!(floor >= 0 && floor < 1)) {
                throw new IllegalArgumentException("a bandit's floor must be at least 0 and below 1, got " + floor);
            }
        }

        /**
         * The weights with the floor applied: {@code floor + (1 - k * floor) * w / sum(w)} for {@code k} variants,
         * so that each gets at least the floor and they add up to 1. Weights that are not positive numbers count as
         * 0; when none is positive, the variants share equally.
         *
         * @throws IllegalArgumentException when the floors of all variants add up to more than 1
         */
        public List<Double> floored(List<Double> weights) {
            int k = weights.size();
            if (k * floor > 1) {
                throw new IllegalArgumentException("a floor of " + floor + " for " + k + " variants adds up to more"
                        + " than all the traffic");
            }
            double sum = 0;
            for (double weight : weights) {
                sum += weight > 0 && Double.isFinite(weight) ? weight : 0;
            }
            List<Double> floored = new ArrayList<>(k);
            for (double weight : weights) {
                double share = sum > 0 ? (weight > 0 && Double.isFinite(weight) ? weight : 0) / sum : 1.0 / k;
                floored.add(floor + (1 - k * floor) * share);
            }
            return List.copyOf(floored);
        }
    }
}
