package dev.herald.core.state;

import dev.herald.core.decision.Subject;
import java.util.Objects;

/**
 * A trigger's started wait for one scope key.
 *
 * @param trigger the trigger's index in the engine's {@link dev.herald.core.trigger.TriggerSet}
 * @param anchor when the entry event that started (or last restarted) the wait happened
 * @param due when the wait ends and the trigger fires
 * @param subject the facts captured at entry (for cart scope they are read from the cart when firing instead)
 */
public record Armed(int trigger, String scopeKey, long anchor, long due, Subject subject) {

    public Armed {
        Objects.requireNonNull(scopeKey, "scopeKey");
        Objects.requireNonNull(subject, "subject");
    }
}
