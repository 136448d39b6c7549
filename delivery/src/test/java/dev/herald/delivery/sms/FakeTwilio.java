package dev.herald.delivery.sms;

import dev.herald.delivery.http.JsonBodies;
import dev.herald.delivery.http.StubAnswer;
import dev.herald.delivery.http.StubRequest;
import dev.herald.delivery.http.StubServer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Twilio's Messages resource on 127.0.0.1, checking requests as Twilio does and answering in its format. Like
 * Twilio's test credentials it fails on the magic numbers {@code +1500555000x}; other answers can be scripted.
 */
final class FakeTwilio implements AutoCloseable {

    static final String ACCOUNT_SID = "AC0123456789abcdef0123456789abcdef";
    static final String AUTH_TOKEN = "f00dfeedf00dfeedf00dfeedf00dfeed";

    /** Twilio's magic test numbers and the errors they give. */
    static final Map<String, Integer> MAGIC_NUMBERS = Map.of(
            "+15005550001", 21211,
            "+15005550009", 21614,
            "+15005550002", 21612,
            "+15005550003", 21408,
            "+15005550004", 21610);

    private static final Map<Integer, String> MESSAGES = Map.of(
            21211, "Invalid 'To' Phone Number: +15005550001",
            21614, "'To' number is not a valid mobile number",
            21612, "The 'To' phone number: +15005550002, is not currently reachable using the 'From' phone number"
                    + " via SMS.",
            21408, "Permission to send an SMS has not been enabled for the region indicated by the 'To' number:"
                    + " +15005550003.",
            21610, "Attempt to send to unsubscribed recipient");

    private final StubServer server;
    private final Queue<StubAnswer> script = new ConcurrentLinkedQueue<>();
    private final AtomicInteger created = new AtomicInteger();

    FakeTwilio() {
        server = StubServer.start(this::answer);
    }

    /** The base URL to configure instead of {@code https://api.twilio.com}. */
    String baseUrl() {
        return server.baseUrl();
    }

    /** Answers the next requests with these, in order, once they pass the checks. */
    FakeTwilio enqueue(StubAnswer... answers) {
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

    /** Twilio's error body. */
    static StubAnswer error(int status, int code, String message) {
        return StubAnswer.json(status, """
                {"code": %d, "message": "%s", "more_info": "https://www.twilio.com/docs/errors/%d", "status": %d}"""
                .formatted(code, message, code, status));
    }

    private StubAnswer answer(StubRequest request) {
        String path = "/2010-04-01/Accounts/" + ACCOUNT_SID + "/Messages.json";
        if (!request.path().equals(path)) {
            return error(404, 20404, "The requested resource " + request.path() + " was not found");
        }
        if (!request.method().equals("POST")) {
            return error(405, 20004, "Method not allowed");
        }
        String expected = "Basic " + Base64.getEncoder()
                .encodeToString((ACCOUNT_SID + ":" + AUTH_TOKEN).getBytes(StandardCharsets.UTF_8));
        if (!request.header("Authorization").equals(expected)) {
            return error(401, 20003, "Authenticate");
        }
        if (!request.header("Content-Type").startsWith("application/x-www-form-urlencoded")) {
            return error(400, 20001, "Unsupported content type");
        }
        Map<String, String> form = request.form();
        String to = form.getOrDefault("To", "");
        if (to.isEmpty()) {
            return error(400, 21604, "A 'To' phone number is required.");
        }
        if (form.getOrDefault("Body", "").isEmpty()) {
            return error(400, 21602, "Message body is required.");
        }
        boolean from = form.containsKey("From");
        boolean service = form.containsKey("MessagingServiceSid");
        if (from == service) {
            return error(400, 21603, "A 'From' or 'MessagingServiceSid' parameter is required (exactly one).");
        }
        Integer magic = MAGIC_NUMBERS.get(to);
        if (magic != null) {
            return error(400, magic, MESSAGES.get(magic));
        }
        StubAnswer scripted = script.poll();
        return scripted != null ? scripted : created(form);
    }

    /** 201 Created with the message resource, as Twilio answers. */
    private StubAnswer created(Map<String, String> form) {
        String sid = "SM%032x".formatted(created.incrementAndGet());
        var message = JsonBodies.object()
                .put("account_sid", ACCOUNT_SID)
                .put("api_version", "2010-04-01")
                .put("body", form.get("Body"))
                .put("direction", "outbound-api")
                .put("from", form.getOrDefault("From", null))
                .put("messaging_service_sid", form.getOrDefault("MessagingServiceSid", null))
                .put("num_segments", "1")
                .put("sid", sid)
                .put("status", form.containsKey("MessagingServiceSid") ? "accepted" : "queued")
                .put("to", form.get("To"))
                .put("uri", "/2010-04-01/Accounts/" + ACCOUNT_SID + "/Messages/" + sid + ".json");
        return StubAnswer.json(201, JsonBodies.write(message));
    }
}
