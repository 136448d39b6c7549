package dev.herald.delivery.http;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** What a {@link StubServer} answers: a status, headers and a body, after a delay. */
public record StubAnswer(int status, Map<String, String> headers, String body, Duration delay) {

    public StubAnswer {
        headers = Map.copyOf(headers);
    }

    /** A JSON answer. */
    public static StubAnswer json(int status, String body) {
        return new StubAnswer(status, Map.of("Content-Type", "application/json"), body, Duration.ZERO);
    }

    /** A plain-text answer. */
    public static StubAnswer text(int status, String body) {
        return new StubAnswer(status, Map.of("Content-Type", "text/plain"), body, Duration.ZERO);
    }

    /** The same answer with one more header. */
    public StubAnswer withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new StubAnswer(status, more, body, delay);
    }

    /** The same answer, given only after a delay. */
    public StubAnswer after(Duration wait) {
        return new StubAnswer(status, headers, body, wait);
    }
}
