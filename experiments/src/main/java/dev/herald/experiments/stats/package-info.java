/**
 * The statistics of Herald's experiments: A/B/n tests of message variants against a control and against a holdout
 * that receives nothing. Callers pass per-variant counts ({@link dev.herald.experiments.stats.VariantCounts}) and get
 * immutable results back; nothing here does I/O, reads a clock or draws an unseeded random number. The entry point is
 * {@link dev.herald.experiments.stats.ExperimentAnalysis}; {@code docs/EXPERIMENTS.md} describes each method.
 */
package dev.herald.experiments.stats;
