package dev.herald.core.policy;

import dev.herald.core.decision.Action;
import dev.herald.core.decision.Reason;
import java.util.Objects;

/** A policy's answer: an action with its probability, or a refusal. */
public sealed interface PolicyChoice {

    /** Why the policy chose as it did (or declined), in words, for the trace. */
    String explanation();

    /**
     * An action chosen with probability {@code propensity} (1 for a deterministic policy).
     */
    record Chosen(Action action, double propensity, String explanation) implements PolicyChoice {
        public Chosen {
            Objects.requireNonNull(action, "action");
            Objects.requireNonNull(explanation, "explanation");
            if (!(propensity > 0 && propensity <= 1)) {
                throw new IllegalArgumentException("propensity must be in (0, 1], got " + propensity);
            }
        }
    }

    /** No action: nothing fits the window, or the policy judges sending worse than not sending. */
    record Declined(Reason reason, String explanation) implements PolicyChoice {
        public Declined {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(explanation, "explanation");
        }
    }
}
