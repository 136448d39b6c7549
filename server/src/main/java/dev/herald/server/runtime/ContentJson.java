package dev.herald.server.runtime;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.herald.core.content.MessageContent;

/** A written message as JSON, as the outbox and the decisions table keep it, and back. */
public final class ContentJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ContentJson() {}

    public static ObjectNode node(MessageContent content) {
        ObjectNode node = JSON.createObjectNode();
        switch (content) {
            case MessageContent.Email email -> node.put("type", "email").put("subject", email.subject())
                    .put("preheader", email.preheader()).put("html", email.html()).put("text", email.text())
                    .put("callToAction", email.callToAction()).put("url", email.url());
            case MessageContent.Sms sms -> node.put("type", "sms").put("text", sms.text());
            case MessageContent.Push push -> node.put("type", "push").put("title", push.title())
                    .put("body", push.body()).put("deepLink", push.deepLink());
            case MessageContent.InApp inApp -> node.put("type", "in_app").put("title", inApp.title())
                    .put("markdown", inApp.markdown()).put("callToAction", inApp.callToAction())
                    .put("url", inApp.url());
        }
        return node;
    }

    public static String text(MessageContent content) {
        return node(content).toString();
    }

    public static MessageContent parse(String json) {
        JsonNode node;
        try {
            node = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("stored content is not JSON: " + e.getOriginalMessage(), e);
        }
        return switch (node.path("type").asText()) {
            case "email" -> new MessageContent.Email(node.path("subject").asText(), node.path("preheader").asText(),
                    node.path("html").asText(), node.path("text").asText(), node.path("callToAction").asText(),
                    node.path("url").asText());
            case "sms" -> new MessageContent.Sms(node.path("text").asText());
            case "push" -> new MessageContent.Push(node.path("title").asText(), node.path("body").asText(),
                    node.path("deepLink").asText());
            case "in_app" -> new MessageContent.InApp(node.path("title").asText(), node.path("markdown").asText(),
                    node.path("callToAction").asText(), node.path("url").asText());
            default -> throw new IllegalArgumentException("stored content has an unknown type: " + node.path("type"));
        };
    }
}
