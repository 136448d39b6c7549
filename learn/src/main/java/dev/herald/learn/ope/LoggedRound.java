package dev.herald.learn.ope;

import java.util.Objects;

/**
 * One logged decision: in context {@code context} the logging policy chose {@code action} with probability
 * {@code loggingPropensity}, and the outcome earned {@code reward}.
 *
 * <p>
 * The context is a key: everything a policy or a reward model may condition on must be in it. The propensity must be
 * the probability the logging policy really gave the logged action at that moment, in (0, 1]; a round whose action had
 * no chance under the logging policy cannot be reweighted, and is refused.
 *
 * @param context
 *            the context key, not null
 * @param action
 *            the logged action, an index from 0
 * @param reward
 *            the observed reward, finite
 * @param loggingPropensity
 *            pi_b(action | context), in (0, 1]
 * @throws IllegalArgumentException
 *             naming the round's context and action and what to fix
 */
public record LoggedRound(String context, int action, double reward, double loggingPropensity) {

    public LoggedRound {
        Objects.requireNonNull(context, "context");
        if (action < 0) {
            throw new IllegalArgumentException("action must be an index >= 0, got " + action + " in context '"
                    + context + "'");
        }
        if (!Double.isFinite(reward)) {
            throw new IllegalArgumentException("reward of action " + action + " in context '" + context
                    + "' must be a finite number, got " + reward);
        }
        if (Double.isNaN(loggingPropensity) || loggingPropensity <= 0 || loggingPropensity > 1) {
            throw new IllegalArgumentException("logging propensity of action " + action + " in context '" + context
                    + "' must be in (0, 1], got " + loggingPropensity
                    + "; log the probability the logging policy gave the action it took (never 0 for a taken action)");
        }
    }
}
