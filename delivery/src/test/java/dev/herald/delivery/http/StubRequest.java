package dev.herald.delivery.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.Headers;
import java.util.Map;

/**
 * A request a {@link StubServer} received.
 *
 * @param path the raw path
 * @param query the raw query, or {@code ""}
 */
public record StubRequest(String method, String path, String query, Headers headers, String body) {

    /** The first value of a header, or {@code ""}. */
    public String header(String name) {
        String value = headers.getFirst(name);
        return value == null ? "" : value;
    }

    /** The body as form fields. */
    public Map<String, String> form() {
        return FormBody.decode(body);
    }

    /** The body as JSON, or a missing node. */
    public JsonNode json() {
        return JsonBodies.read(body);
    }
}
