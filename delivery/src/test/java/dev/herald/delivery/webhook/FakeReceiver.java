package dev.herald.delivery.webhook;

import dev.herald.delivery.http.StubAnswer;
import dev.herald.delivery.http.StubRequest;
import dev.herald.delivery.http.StubServer;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * An application's webhook endpoint on 127.0.0.1, checking requests as the Javadoc of {@link WebhookSignature} tells
 * receivers to: POST, JSON, an {@code Idempotency-Key} equal to the body's message id, and a valid signature within
 * five minutes of its clock (401 otherwise). It then answers 204, or the scripted answers in turn.
 */
final class FakeReceiver implements AutoCloseable {

    static final String PATH = "/hooks/herald";

    private final StubServer server;
    private final String secret;
    private final Clock clock;
    private final Queue<StubAnswer> script = new ConcurrentLinkedQueue<>();

    FakeReceiver(String secret, Clock clock) {
        this.secret = secret;
        this.clock = clock;
        server = StubServer.start(this::answer);
    }

    String url() {
        return server.baseUrl() + PATH;
    }

    FakeReceiver enqueue(StubAnswer... answers) {
        script.addAll(List.of(answers));
        return this;
    }

    List<StubRequest> requests() {
        return server.requests();
    }

    StubRequest lastRequest() {
        List<StubRequest> all = server.requests();
        return all.get(all.size() - 1);
    }

    @Override
    public void close() {
        server.close();
    }

    private StubAnswer answer(StubRequest request) {
        if (!request.path().equals(PATH)) {
            return StubAnswer.text(404, "Not Found");
        }
        if (!request.method().equals("POST")) {
            return StubAnswer.text(405, "Method Not Allowed");
        }
        if (!request.header("Content-Type").startsWith("application/json")) {
            return StubAnswer.text(415, "Unsupported Media Type");
        }
        if (!request.header("Idempotency-Key").equals(request.json().path("message_id").asText())) {
            return StubAnswer.text(400, "Idempotency-Key does not match message_id");
        }
        if (!WebhookSignature.verify(secret, request.header(WebhookSignature.HEADER), request.body(), clock.instant(),
                Duration.ofMinutes(5))) {
            return StubAnswer.json(401, "{\"error\": \"bad signature\"}");
        }
        StubAnswer scripted = script.poll();
        return scripted != null ? scripted : new StubAnswer(204, Map.of(), "", Duration.ZERO);
    }
}
