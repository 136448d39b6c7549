package dev.herald.core.decision;

import dev.herald.core.profile.Channel;
import dev.herald.core.trigger.ContentBrief;
import dev.herald.core.trigger.MessageKind;
import java.time.Instant;
import java.util.Objects;

/**
 * A message that passed its send-time checks and is due now: everything the writer and the delivery adapter need.
 *
 * @param messageId the decision's id; the delivery idempotency key
 * @param address the contact point's value (email address, phone, push token), or {@code ""} for in-app and
 *     webhook
 * @param locale the user's language tag, or the engine's default
 * @param firstName the first name, or {@code ""}
 * @param facts the user's order count and average order value, for briefs that use them
 */
public record OutgoingMessage(
        String messageId,
        String userId,
        String triggerId,
        MessageKind kind,
        Channel channel,
        String address,
        String variant,
        String locale,
        String firstName,
        UserFacts facts,
        Subject subject,
        ContentBrief brief,
        Instant sendAt) {

    public OutgoingMessage {
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(triggerId, "triggerId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(variant, "variant");
        Objects.requireNonNull(locale, "locale");
        Objects.requireNonNull(firstName, "firstName");
        Objects.requireNonNull(facts, "facts");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(brief, "brief");
        Objects.requireNonNull(sendAt, "sendAt");
    }
}
