package dev.herald.store;

import java.time.Instant;
import java.util.Objects;

/**
 * One decision of the engine, as the decision log keeps it.
 *
 * @param id the decision id, also the id of the message it scheduled
 * @param outcome what became of it, for example {@code scheduled}, {@code suppressed}, {@code sent}
 * @param reason why it was suppressed or cancelled, or {@code null}
 * @param channel the channel's key, or {@code null} when none was chosen
 * @param sendAt when the message is (or was) to go out, or {@code null}
 * @param variant the variant chosen, or {@code null}
 * @param propensity the probability the policy had of choosing what it chose
 * @param policy the policy's name, or {@code null}
 * @param trace the steps of the decision as JSON
 * @param content the written message as JSON, or {@code null} (an upsert without content keeps the stored one)
 * @param updatedAt when the decision last changed
 * @param experiment the experiment running on the trigger when the decision was made, or {@code null}
 * @param experimentVariant the user's arm in it (a variant's name, or {@code holdout}), or {@code null}
 */
public record DecisionRow(
        String id,
        String userId,
        String triggerId,
        String outcome,
        String reason,
        String channel,
        Instant sendAt,
        String variant,
        double propensity,
        String policy,
        String trace,
        String content,
        Instant updatedAt,
        String experiment,
        String experimentVariant) {

    public DecisionRow {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(triggerId, "triggerId");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(trace, "trace");
        Objects.requireNonNull(updatedAt, "updatedAt");
        if ((experiment == null) != (experimentVariant == null)) {
            throw new IllegalArgumentException("decision " + id + ": an experiment and its arm go together");
        }
    }

    /** A decision made outside any experiment. */
    public DecisionRow(String id, String userId, String triggerId, String outcome, String reason, String channel,
            Instant sendAt, String variant, double propensity, String policy, String trace, String content,
            Instant updatedAt) {
        this(id, userId, triggerId, outcome, reason, channel, sendAt, variant, propensity, policy, trace, content,
                updatedAt, null, null);
    }
}
