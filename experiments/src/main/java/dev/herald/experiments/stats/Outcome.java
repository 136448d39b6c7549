package dev.herald.experiments.stats;

/** What a comparison says, in the metric's direction ("better" is lower for unsubscribes). */
public enum Outcome {
    /** Significantly better than the baseline. */
    BETTER,
    /** Significantly worse than the baseline. */
    WORSE,
    /** No significant difference (yet). */
    INCONCLUSIVE
}
