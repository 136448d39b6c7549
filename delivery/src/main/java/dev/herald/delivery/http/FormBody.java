package dev.herald.delivery.http;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;

/** {@code application/x-www-form-urlencoded} bodies, UTF-8. */
public final class FormBody {

    /** The content type of a form body. */
    public static final String CONTENT_TYPE = "application/x-www-form-urlencoded";

    private FormBody() {}

    /** Encodes the fields in the map's order. */
    public static String encode(Map<String, String> fields) {
        StringJoiner body = new StringJoiner("&");
        fields.forEach((name, value) -> body.add(encodePart(name) + "=" + encodePart(value)));
        return body.toString();
    }

    /**
     * Decodes a body into its fields in order of appearance; a name given twice keeps its last value, a part without
     * {@code =} has an empty value.
     */
    public static Map<String, String> decode(String body) {
        Map<String, String> fields = new LinkedHashMap<>();
        if (body.isEmpty()) {
            return fields;
        }
        for (String part : body.split("&")) {
            if (part.isEmpty()) {
                continue;
            }
            int equals = part.indexOf('=');
            String name = equals < 0 ? part : part.substring(0, equals);
            String value = equals < 0 ? "" : part.substring(equals + 1);
            fields.put(URLDecoder.decode(name, StandardCharsets.UTF_8),
                    URLDecoder.decode(value, StandardCharsets.UTF_8));
        }
        return fields;
    }

    /** One name or value, encoded ({@code +} for a space, as forms do). */
    public static String encodePart(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
