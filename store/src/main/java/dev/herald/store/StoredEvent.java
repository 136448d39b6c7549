package dev.herald.store;

import java.time.Instant;
import java.util.Objects;

/**
 * One row of the event log.
 *
 * @param seq the event's position in the log; 0 before it is stored
 * @param messageId the sender's idempotency key
 * @param userId the user the event is about, or {@code null} for a catalog event
 * @param type the event's type, as Herald names it
 * @param eventTime when the event happened
 * @param receivedAt when Herald accepted it
 * @param payload the event as JSON
 */
public record StoredEvent(
        long seq,
        String messageId,
        String userId,
        String type,
        Instant eventTime,
        Instant receivedAt,
        String payload) {

    public StoredEvent {
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(eventTime, "eventTime");
        Objects.requireNonNull(receivedAt, "receivedAt");
        Objects.requireNonNull(payload, "payload");
    }

    /** An event not yet stored (its {@link #seq()} is 0). */
    public static StoredEvent of(
            String messageId, String userId, String type, Instant eventTime, Instant receivedAt, String payload) {
        return new StoredEvent(0, messageId, userId, type, eventTime, receivedAt, payload);
    }
}
