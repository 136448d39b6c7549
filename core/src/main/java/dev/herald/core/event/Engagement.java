package dev.herald.core.event;

import dev.herald.core.profile.Channel;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What happened to a message Herald sent: delivered, opened, clicked, unsubscribed, bounced or failed.
 *
 * @param heraldMessageId the id of Herald's message (its decision id) this report is about
 * @param channel the channel the report concerns, or {@code null} when the sender did not say
 */
public record Engagement(
        String messageId,
        String userId,
        Instant timestamp,
        EngagementType engagement,
        String heraldMessageId,
        Channel channel)
        implements UserEvent {

    public Engagement {
        Checks.text(messageId, "messageId");
        Checks.text(userId, "userId");
        Checks.time(timestamp);
        Objects.requireNonNull(engagement, "engagement");
        heraldMessageId = Objects.requireNonNullElse(heraldMessageId, "");
    }

    /** The channel, when the report names one. */
    public Optional<Channel> findChannel() {
        return Optional.ofNullable(channel);
    }

    @Override
    public EventType type() {
        return engagement.eventType();
    }
}
