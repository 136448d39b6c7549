package dev.herald.writer.stub;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.concurrent.atomic.AtomicLong;

/**
 * OpenAI's Chat Completions API ({@code POST /v1/chat/completions}) as documented: a {@code chat.completion}
 * object on success, {@code {"error":{"message":...,"type":...,"param":null,"code":...}}} on failure, 503 when
 * overloaded. Configure the client with {@link #baseUrl()}.
 */
public final class OpenAiStub extends ProviderStub {

    private final AtomicLong ids = new AtomicLong();

    /** Starts a stub on a free port of 127.0.0.1. */
    public OpenAiStub() {
        start();
    }

    @Override
    protected String endpoint() {
        return "/chat/completions";
    }

    @Override
    protected ObjectNode success(StubReply.Success reply, RecordedRequest request) {
        ObjectNode body = JSON.createObjectNode();
        body.put("id", "chatcmpl-stub" + ids.incrementAndGet());
        body.put("object", "chat.completion");
        body.put("created", System.currentTimeMillis() / 1000);
        body.put("model", requestedModel(request));
        ObjectNode choice = body.putArray("choices").addObject();
        choice.put("index", 0);
        choice.putObject("message").put("role", "assistant").put("content", reply.text());
        choice.put("finish_reason", "stop");
        body.putObject("usage")
                .put("prompt_tokens", reply.inputTokens())
                .put("completion_tokens", reply.outputTokens())
                .put("total_tokens", reply.inputTokens() + reply.outputTokens());
        return body;
    }

    @Override
    protected ObjectNode failure(StubReply.Failure reply) {
        ObjectNode error = JSON.createObjectNode();
        ObjectNode fields = error.putObject("error");
        fields.put("message", reply.message() != null ? reply.message() : message(reply.status()));
        fields.put("type", reply.type() != null ? reply.type() : errorType(reply.status()));
        fields.putNull("param");
        String code = errorCode(reply.status());
        if (code == null) {
            fields.putNull("code");
        } else {
            fields.put("code", code);
        }
        return error;
    }

    @Override
    protected StubReply.Failure overloaded() {
        return new StubReply.Failure(503, "server_error", "The server is overloaded or not ready yet.");
    }

    private static String errorType(int status) {
        return switch (status) {
            case 429 -> "requests";
            default -> status >= 500 ? "server_error" : "invalid_request_error";
        };
    }

    private static String errorCode(int status) {
        return switch (status) {
            case 401 -> "invalid_api_key";
            case 404 -> "model_not_found";
            case 429 -> "rate_limit_exceeded";
            default -> null;
        };
    }

    private static String message(int status) {
        return switch (status) {
            case 401 -> "Incorrect API key provided.";
            case 404 -> "The model does not exist or you do not have access to it.";
            case 429 -> "Rate limit reached for requests.";
            default -> status >= 500 ? "The server had an error while processing your request." : "Bad request.";
        };
    }
}
