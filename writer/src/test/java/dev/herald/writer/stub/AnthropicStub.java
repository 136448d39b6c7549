package dev.herald.writer.stub;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Anthropic's Messages API ({@code POST /v1/messages}) as documented: a {@code message} object on success,
 * {@code {"type":"error","error":{"type":...,"message":...}}} on failure, 529 {@code overloaded_error} when
 * overloaded. Configure the client with {@link #baseUrl()}.
 */
public final class AnthropicStub extends ProviderStub {

    private final AtomicLong ids = new AtomicLong();

    /** Starts a stub on a free port of 127.0.0.1. */
    public AnthropicStub() {
        start();
    }

    @Override
    protected String endpoint() {
        return "/messages";
    }

    @Override
    protected ObjectNode success(StubReply.Success reply, RecordedRequest request) {
        ObjectNode body = JSON.createObjectNode();
        body.put("id", "msg_stub" + ids.incrementAndGet());
        body.put("type", "message");
        body.put("role", "assistant");
        body.put("model", requestedModel(request));
        body.putArray("content").addObject().put("type", "text").put("text", reply.text());
        body.put("stop_reason", "end_turn");
        body.putNull("stop_sequence");
        body.putObject("usage").put("input_tokens", reply.inputTokens()).put("output_tokens", reply.outputTokens());
        return body;
    }

    @Override
    protected ObjectNode failure(StubReply.Failure reply) {
        String type = reply.type() != null ? reply.type() : errorType(reply.status());
        ObjectNode body = JSON.createObjectNode();
        body.put("type", "error");
        body.putObject("error").put("type", type).put("message",
                reply.message() != null ? reply.message() : message(type));
        return body;
    }

    @Override
    protected StubReply.Failure overloaded() {
        return new StubReply.Failure(529, "overloaded_error", "Overloaded");
    }

    private static String message(String type) {
        return switch (type) {
            case "authentication_error" -> "invalid x-api-key";
            case "rate_limit_error" -> "Number of requests has exceeded your per-minute rate limit";
            case "overloaded_error" -> "Overloaded";
            case "api_error" -> "Internal server error";
            default -> "Request refused";
        };
    }

    /** Anthropic's error type for an HTTP status. */
    private static String errorType(int status) {
        return switch (status) {
            case 400 -> "invalid_request_error";
            case 401 -> "authentication_error";
            case 403 -> "permission_error";
            case 404 -> "not_found_error";
            case 413 -> "request_too_large";
            case 429 -> "rate_limit_error";
            case 529 -> "overloaded_error";
            default -> status >= 500 ? "api_error" : "invalid_request_error";
        };
    }
}
