package dev.herald.experiments.stats;

/** Which p-values and intervals decide "significant" in an {@link ExperimentResult}. */
public enum Inference {
    /**
     * The classical tests (z-test, Welch's t-test): the most powerful choice, valid only when the result is read once,
     * at a sample size fixed before the experiment started. Deciding at the first significant look inflates false
     * positives.
     */
    FIXED_HORIZON,
    /**
     * The always-valid p-values and intervals of the mixture sequential test: valid however often the result is read
     * and whenever the experiment is stopped, at the price of wider intervals.
     */
    ALWAYS_VALID
}
