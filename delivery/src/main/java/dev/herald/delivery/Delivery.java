package dev.herald.delivery;

import dev.herald.core.content.MessageContent;
import dev.herald.core.profile.Channel;
import dev.herald.core.trigger.MessageKind;
import java.util.Objects;

/**
 * One message ready to leave: its id (the idempotency key, also put where the provider carries it back: the
 * email's Message-ID, the SMS status callback, the push data), where it goes, and what it says. Links in the
 * content are already the tracked ones.
 *
 * @param address the email address, E.164 phone number, push token or webhook user id, as the channel needs
 * @param unsubscribeUrl the one-click unsubscribe link for marketing email ({@code List-Unsubscribe}, RFC 8058), or
 *     {@code ""} for transactional messages
 */
public record Delivery(
        String messageId,
        String userId,
        Channel channel,
        MessageKind kind,
        String address,
        MessageContent content,
        String unsubscribeUrl) {

    public Delivery {
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(content, "content");
        unsubscribeUrl = Objects.requireNonNullElse(unsubscribeUrl, "");
    }
}
