package dev.herald.core.decision;

import java.time.Instant;
import java.util.Objects;

/**
 * One firing of a trigger for one user: the moment that may deserve a message.
 *
 * @param triggerId the trigger definition's id
 * @param scopeKey what the occurrence is about within the trigger's scope: a cart key, a product id, an order id,
 *     or {@code "user"}
 * @param anchor the time of the entry event that started the wait (the seed's delays count from it)
 * @param firedAt when the wait ended
 */
public record Occurrence(String triggerId, String scopeKey, Instant anchor, Instant firedAt, Subject subject) {

    public Occurrence {
        Objects.requireNonNull(triggerId, "triggerId");
        Objects.requireNonNull(scopeKey, "scopeKey");
        Objects.requireNonNull(anchor, "anchor");
        Objects.requireNonNull(firedAt, "firedAt");
        Objects.requireNonNull(subject, "subject");
    }
}
