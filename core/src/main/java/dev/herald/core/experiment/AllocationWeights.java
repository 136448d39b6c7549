package dev.herald.core.experiment;

import java.util.List;

/**
 * The current weights of a bandit experiment's variants: where a runtime puts what it learned from the results so
 * far (Thompson sampling, say) for the engine to assign new users with. Assignment stays deterministic given the
 * weights; users already assigned keep their variant (the engine remembers it in their state).
 *
 * <p>Implementations are called on the engine's thread for every new assignment: they must be fast, thread-safe
 * and must not block.
 */
@FunctionalInterface
public interface AllocationWeights {

    /** The weights as written in the definition, which is what a fixed allocation always uses. */
    AllocationWeights PLANNED = Experiment::weights;

    /**
     * The weights of the experiment's variants, in the order of {@link Experiment#variants()}; the engine applies
     * the bandit's floor to them. Non-positive weights count as 0.
     */
    List<Double> weightsOf(Experiment experiment);
}
