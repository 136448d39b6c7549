package dev.herald.store;

import java.time.Instant;
import java.util.Objects;

/**
 * One message in the outbox.
 *
 * @param messageId the decision id: the idempotency key handed to the provider
 * @param triggerId the trigger that made it, or {@code null}
 * @param channel the channel's key ({@code email}, {@code sms}, {@code push}, {@code in_app}, {@code webhook})
 * @param kind {@code marketing} or {@code transactional}
 * @param address the email address, phone number or push token; {@code ""} for in-app and webhook
 * @param content the written message as JSON
 * @param dueAt when it was meant to go out
 * @param expiresAt from when it must not go out any more, or {@code null}
 * @param attempts how many times it was claimed for sending
 * @param nextAttemptAt the earliest time of the next attempt
 * @param providerId the provider's id for it once sent, or {@code null}
 * @param lastError why the last attempt failed, or {@code null}
 * @param createdAt when it was enqueued ({@code null} before: the database's clock is used)
 * @param updatedAt when its row last changed
 */
public record OutboxEntry(
        String messageId,
        String userId,
        String triggerId,
        String channel,
        String kind,
        String address,
        String content,
        Instant dueAt,
        Instant expiresAt,
        OutboxStatus status,
        int attempts,
        Instant nextAttemptAt,
        String providerId,
        String lastError,
        Instant createdAt,
        Instant updatedAt) {

    public OutboxEntry {
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(dueAt, "dueAt");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(nextAttemptAt, "nextAttemptAt");
        if (attempts < 0) {
            throw new IllegalArgumentException("attempts must not be negative, got " + attempts);
        }
    }

    /** A new message, pending, first attempt at its due time. */
    public static OutboxEntry pending(
            String messageId,
            String userId,
            String triggerId,
            String channel,
            String kind,
            String address,
            String content,
            Instant dueAt,
            Instant expiresAt) {
        return new OutboxEntry(messageId, userId, triggerId, channel, kind, address, content, dueAt, expiresAt,
                OutboxStatus.PENDING, 0, dueAt, null, null, null, null);
    }

    /** Whether it must not go out at the given time any more. */
    public boolean isExpired(Instant now) {
        return expiresAt != null && !now.isBefore(expiresAt);
    }
}
