/**
 * Off-policy evaluation: estimating what a candidate policy would earn from decisions logged under another policy.
 *
 * <p>
 * Logs are a {@link dev.herald.learn.ope.LoggedBandit} of {@link dev.herald.learn.ope.LoggedRound}s, each with the
 * probability the logging policy gave its action (the propensity). A candidate is a
 * {@link dev.herald.learn.ope.Policy}. The estimators ({@link dev.herald.learn.ope.InversePropensityScoring},
 * {@link dev.herald.learn.ope.SelfNormalizedIps}, {@link dev.herald.learn.ope.DoublyRobust}) return an
 * {@link dev.herald.learn.ope.Estimate} with a standard error, a confidence interval and weight diagnostics. Nothing
 * here does I/O (enforced by {@code ArchitectureTest}); docs/LEARNING.md gives the formulas and assumptions.
 */
package dev.herald.learn.ope;
