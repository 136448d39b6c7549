package dev.herald.writer.stub;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Map;
import java.util.function.Function;

/**
 * A stand-in model that answers every writer request, Anthropic's or OpenAI's, with a reply that keeps the rules:
 * the channel's fields, only the placeholders offered in the shop data, the opt-out wording, short texts. For
 * benchmarks and end-to-end tests where the model's prose does not matter but the whole path does.
 */
public final class ValidReplies implements Function<RecordedRequest, StubReply> {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public StubReply apply(RecordedRequest request) {
        String system = system(request.json());
        String user = lastUserText(request.json());
        int start = user.indexOf("<shop_data>");
        int end = user.indexOf("</shop_data>");
        JsonNode data;
        try {
            data = JSON.readTree(user.substring(start + "<shop_data>".length(), end));
        } catch (Exception e) {
            return StubReply.error(400, "no shop data in the request");
        }
        JsonNode offered = data.path("placeholders");
        boolean russian = system.contains("in Russian");
        String item = offered.has("{{item_name}}") ? "{{item_name}}" : russian ? "товар" : "your item";
        String hello = offered.has("{{first_name}}") ? (russian ? "{{first_name}}, " : "Hi {{first_name}}, ") : "";
        ObjectNode reply = JSON.createObjectNode();
        if (system.contains("one email")) {
            reply.put("subject", russian ? "Вас ждёт " + item : item + " is waiting");
            reply.put("preheader", russian ? "Мы сохранили его" : "We kept it for you");
            reply.put("html", "<p>" + hello + (russian ? "вас ждёт " : "this is waiting: ") + item
                    + ".</p><p><a href=\"{{url}}\">" + (russian ? "Посмотреть" : "Take a look") + "</a></p>");
            reply.put("text", hello + item + " {{url}}");
            reply.put("call_to_action", russian ? "Посмотреть" : "Take a look");
        } else if (system.contains("text message")) {
            String stop = system.contains("STOP") ? (russian ? " Отписка: STOP" : " Reply STOP to opt out.") : "";
            reply.put("text", (russian ? "Вас ждёт: " : "Waiting for you: ") + shortItem(offered) + " {{url}}" + stop);
        } else if (system.contains("push notification")) {
            reply.put("title", russian ? "Вас ждёт" : "Still waiting");
            reply.put("body", hello + item);
        } else {
            reply.put("title", russian ? "Вас ждёт" : "Still waiting");
            reply.put("markdown", hello + item + " [" + (russian ? "Посмотреть" : "Take a look") + "]({{url}})");
            reply.put("call_to_action", russian ? "Посмотреть" : "Take a look");
        }
        return StubReply.text(reply.toString(), 700 + user.length() / 4, 80);
    }

    /** An SMS names the item only through its placeholder, so that its length does not depend on the name. */
    private static String shortItem(JsonNode offered) {
        for (Iterator<Map.Entry<String, JsonNode>> it = offered.properties().iterator(); it.hasNext();) {
            if (it.next().getKey().equals("{{order_id}}")) {
                return "{{order_id}}";
            }
        }
        return "";
    }

    private static String system(JsonNode json) {
        JsonNode system = json.path("system");
        if (system.isTextual()) {
            return system.asText();
        }
        if (system.isArray()) {
            StringBuilder out = new StringBuilder();
            system.forEach(block -> out.append(block.path("text").asText()));
            return out.toString();
        }
        for (JsonNode message : json.path("messages")) {
            if (message.path("role").asText().equals("system")) {
                return text(message.path("content"));
            }
        }
        return "";
    }

    private static String lastUserText(JsonNode json) {
        String last = "";
        for (JsonNode message : json.path("messages")) {
            if (message.path("role").asText().equals("user")) {
                String text = text(message.path("content"));
                if (text.contains("<shop_data>")) {
                    last = text;
                }
            }
        }
        return last;
    }

    private static String text(JsonNode content) {
        if (content.isTextual()) {
            return content.asText();
        }
        StringBuilder out = new StringBuilder();
        content.forEach(block -> out.append(block.path("text").asText()));
        return out.toString();
    }
}
