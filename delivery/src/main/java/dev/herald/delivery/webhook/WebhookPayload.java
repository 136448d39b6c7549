package dev.herald.delivery.webhook;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.herald.core.content.MessageContent;
import dev.herald.delivery.Delivery;
import dev.herald.delivery.http.JsonBodies;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/**
 * The JSON a webhook posts:
 *
 * <pre>{@code
 * {"message_id": "...", "user_id": "...", "channel": "push", "kind": "marketing", "address": "...",
 *  "content": {"type": "push", "title": "...", "body": "...", "deep_link": "..."},
 *  "sent_at": "2026-03-02T10:15:30Z"}
 * }</pre>
 *
 * {@code channel} is the delivery's channel key, {@code kind} {@code marketing} or {@code transactional}, and
 * {@code content} has a {@code type} and that type's fields:
 *
 * <ul>
 *   <li>{@code email}: {@code subject}, {@code preheader}, {@code html}, {@code text}, {@code call_to_action},
 *       {@code url};
 *   <li>{@code sms}: {@code text};
 *   <li>{@code push}: {@code title}, {@code body}, {@code deep_link};
 *   <li>{@code in_app}: {@code title}, {@code markdown}, {@code call_to_action}, {@code url}.
 * </ul>
 *
 * {@code sent_at} is the signing time, ISO-8601 in UTC, to the second.
 */
final class WebhookPayload {

    private WebhookPayload() {}

    static String of(Delivery delivery, Instant sentAt) {
        ObjectNode root = JsonBodies.object()
                .put("message_id", delivery.messageId())
                .put("user_id", delivery.userId())
                .put("channel", delivery.channel().key())
                .put("kind", delivery.kind().name().toLowerCase(Locale.ROOT))
                .put("address", delivery.address());
        ObjectNode content = root.putObject("content");
        switch (delivery.content()) {
            case MessageContent.Email email -> content.put("type", "email")
                    .put("subject", email.subject())
                    .put("preheader", email.preheader())
                    .put("html", email.html())
                    .put("text", email.text())
                    .put("call_to_action", email.callToAction())
                    .put("url", email.url());
            case MessageContent.Sms sms -> content.put("type", "sms").put("text", sms.text());
            case MessageContent.Push push -> content.put("type", "push")
                    .put("title", push.title())
                    .put("body", push.body())
                    .put("deep_link", push.deepLink());
            case MessageContent.InApp inApp -> content.put("type", "in_app")
                    .put("title", inApp.title())
                    .put("markdown", inApp.markdown())
                    .put("call_to_action", inApp.callToAction())
                    .put("url", inApp.url());
        }
        root.put("sent_at", sentAt.truncatedTo(ChronoUnit.SECONDS).toString());
        return JsonBodies.write(root);
    }
}
