package dev.herald.server.experiment;

import dev.herald.core.experiment.Experiment;
import dev.herald.core.experiment.VariantCounts;
import java.util.List;

/**
 * Turns a bandit experiment's results so far into the variants' next weights: the seam where Thompson sampling plugs
 * in. The engine applies the bandit's floor to what it returns.
 *
 * <p>Implementations are called from one background thread, and must be deterministic given their inputs (and
 * their own seeded randomness), so that a report can say why the weights are what they are.
 */
@FunctionalInterface
public interface BanditAllocator {

    /** Keeps the written weights: a bandit that does not move, until a learning allocator is given. */
    BanditAllocator WRITTEN = (experiment, counts) -> experiment.weights();

    /**
     * The weights of the experiment's variants, in the order of {@link Experiment#variants()}.
     *
     * @param counts the arms' counts, in the order of {@link Experiment#arms()} (the holdout's last, if any)
     */
    List<Double> weights(Experiment experiment, List<VariantCounts> counts);
}
