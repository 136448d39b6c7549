package dev.herald.writer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.herald.core.content.MessageContent;
import dev.herald.core.profile.Channel;
import dev.herald.core.trigger.MessageKind;
import dev.herald.writer.check.Complaint;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Turns a model's reply into a draft for its channel. Lenient about wrapping (a code fence, words around the
 * object), strict about the fields: each must be there and be a string. A marketing SMS that forgot its opt-out
 * wording gets it appended, so the segment check counts it.
 */
final class ReplyReader {

    /** A draft, or what is wrong with the reply. */
    sealed interface Read {
        record Draft(MessageContent content) implements Read {}

        record Invalid(List<Complaint> complaints) implements Read {}
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private ReplyReader() {}

    static Read read(String reply, Channel channel, MessageKind kind, String language) {
        int start = reply.indexOf('{');
        int end = reply.lastIndexOf('}');
        if (start < 0 || end < start) {
            return invalid("reply", "not_json", "the reply holds no JSON object; reply with one JSON object only");
        }
        JsonNode node;
        try {
            node = JSON.readTree(reply.substring(start, end + 1));
        } catch (JsonProcessingException e) {
            return invalid("reply", "not_json", "the reply is not valid JSON (" + e.getOriginalMessage()
                    + "); reply with one JSON object only");
        }
        List<Complaint> complaints = new ArrayList<>();
        List<String> values = new ArrayList<>();
        for (String field : Prompts.fields(channel)) {
            JsonNode value = node.get(field);
            if (value == null || !value.isTextual()) {
                complaints.add(new Complaint(field, "missing_field", "the field \"" + field
                        + "\" is missing or not a string"));
                values.add("");
            } else {
                values.add(value.asText().strip());
            }
        }
        if (!complaints.isEmpty()) {
            return new Read.Invalid(complaints);
        }
        return new Read.Draft(switch (channel) {
            case EMAIL -> new MessageContent.Email(values.get(0), values.get(1), values.get(2), values.get(3),
                    values.get(4), "{{url}}");
            case SMS -> new MessageContent.Sms(withOptOut(values.get(0), kind, language));
            case PUSH -> new MessageContent.Push(values.get(0), values.get(1), "{{url}}");
            case IN_APP, WEBHOOK -> new MessageContent.InApp(values.get(0), values.get(1), values.get(2), "{{url}}");
        });
    }

    private static String withOptOut(String text, MessageKind kind, String language) {
        String lower = text.toLowerCase(Locale.ROOT);
        if (kind != MessageKind.MARKETING || lower.contains("stop") || lower.contains("стоп")) {
            return text;
        }
        return text + ("ru".equals(language) ? " Отписка: STOP" : " Reply STOP to opt out.");
    }

    private static Read invalid(String field, String rule, String message) {
        return new Read.Invalid(List.of(new Complaint(field, rule, message)));
    }
}
