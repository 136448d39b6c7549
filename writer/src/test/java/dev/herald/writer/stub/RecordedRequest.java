package dev.herald.writer.stub;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One request a {@link ProviderStub} received.
 *
 * @param path the request path, for example {@code /v1/messages}
 * @param headers the headers, names matched ignoring case
 * @param body the raw body
 * @param json the body parsed, a missing node when the body is not JSON
 */
public record RecordedRequest(String method, String path, Map<String, List<String>> headers, String body,
        JsonNode json) {

    public RecordedRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(json, "json");
        Map<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((name, values) -> copy.put(name, List.copyOf(values)));
        headers = Collections.unmodifiableMap(copy);
    }

    /** The header's first value, or null; the name is matched ignoring case. */
    public String header(String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}
