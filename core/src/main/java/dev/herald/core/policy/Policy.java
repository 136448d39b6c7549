package dev.herald.core.policy;

/**
 * Chooses, for one decision, the channel, the send time and the content variant, among what the pipeline found
 * eligible. A policy must be deterministic given its request (randomness comes from {@link PolicyRequest#seed()})
 * and must report the probability with which it chose its action, so that logged decisions can be evaluated
 * off-policy.
 *
 * <p>Implementations must be thread-safe: one instance serves every user.
 */
public interface Policy {

    /** A short name used in configuration, traces and the decision log, for example {@code seed}. */
    String name();

    /** The version of the policy's rules or model, recorded with every decision. */
    String version();

    /** Chooses an action, or declines with a reason. */
    PolicyChoice choose(PolicyRequest request);
}
