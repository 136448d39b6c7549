package dev.herald.delivery.push;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.herald.core.content.MessageContent;
import dev.herald.delivery.Delivery;
import dev.herald.delivery.http.JsonBodies;

/**
 * The body of {@code messages:send}: the notification to show, Herald's message id and the deep link as data (so
 * the app can report the open and route it), high priority on Android and the default sound on iOS.
 *
 * <pre>{@code
 * {"message": {"token": "...",
 *              "notification": {"title": "...", "body": "..."},
 *              "data": {"message_id": "...", "deep_link": "..."},
 *              "android": {"priority": "high"},
 *              "apns": {"payload": {"aps": {"sound": "default"}}}}}
 * }</pre>
 *
 * {@code deep_link} is left out when the content has none.
 */
final class FcmRequestBody {

    private FcmRequestBody() {}

    static String of(Delivery delivery, MessageContent.Push push) {
        ObjectNode root = JsonBodies.object();
        ObjectNode message = root.putObject("message");
        message.put("token", delivery.address());
        message.putObject("notification").put("title", push.title()).put("body", push.body());
        ObjectNode data = message.putObject("data").put("message_id", delivery.messageId());
        if (!push.deepLink().isBlank()) {
            data.put("deep_link", push.deepLink());
        }
        message.putObject("android").put("priority", "high");
        message.putObject("apns").putObject("payload").putObject("aps").put("sound", "default");
        return JsonBodies.write(root);
    }
}
