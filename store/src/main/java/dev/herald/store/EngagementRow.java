package dev.herald.store;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * One report of what happened to a message.
 *
 * @param id the row's id; 0 before it is stored
 * @param messageId the id of Herald's message (its decision id), or {@code null} when the report names none
 * @param type {@code delivered}, {@code opened}, {@code clicked}, {@code unsubscribed}, {@code bounced},
 *     {@code failed} or {@code converted}
 * @param channel the channel's key, or {@code null}
 * @param at when it happened
 * @param revenue the order's value for a conversion, or {@code null}
 * @param detail more about it as JSON (the link clicked, the bounce reason), or {@code null}
 */
public record EngagementRow(
        long id,
        String messageId,
        String userId,
        String type,
        String channel,
        Instant at,
        BigDecimal revenue,
        String detail) {

    public EngagementRow {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(at, "at");
    }

    /** A report not yet stored (its {@link #id()} is 0). */
    public static EngagementRow of(
            String messageId, String userId, String type, String channel, Instant at, BigDecimal revenue,
            String detail) {
        return new EngagementRow(0, messageId, userId, type, channel, at, revenue, detail);
    }
}
