package dev.herald.writer.stub;

import java.time.Duration;
import java.util.Objects;

/**
 * What a {@link ProviderStub} answers to one request. The stub writes it in its provider's wire format.
 */
public sealed interface StubReply {

    /** The token counts {@link #text(String)} reports. */
    int DEFAULT_INPUT_TOKENS = 12;
    int DEFAULT_OUTPUT_TOKENS = 7;

    /** A completion with this text and token counts (HTTP 200). */
    record Success(String text, int inputTokens, int outputTokens) implements StubReply {
        public Success {
            Objects.requireNonNull(text, "text");
        }
    }

    /**
     * An error with this HTTP status in the provider's error format. A null {@code type} or {@code message} means
     * the provider's usual ones for the status (for Anthropic: 429 {@code rate_limit_error}, 500 {@code api_error},
     * 401 {@code authentication_error}, ...).
     */
    record Failure(int status, String type, String message) implements StubReply {}

    /** The provider is overloaded: Anthropic's 529 {@code overloaded_error}, OpenAI's 503. */
    record Overloaded() implements StubReply {}

    /** Exactly this status and body, whatever the provider (for malformed or unusual replies). */
    record Raw(int status, String body) implements StubReply {
        public Raw {
            Objects.requireNonNull(body, "body");
        }
    }

    /** Waits, then answers (to provoke timeouts). */
    record Delayed(Duration delay, StubReply then) implements StubReply {
        public Delayed {
            Objects.requireNonNull(delay, "delay");
            Objects.requireNonNull(then, "then");
        }
    }

    /** A completion with this text and the default token counts. */
    static StubReply text(String text) {
        return new Success(text, DEFAULT_INPUT_TOKENS, DEFAULT_OUTPUT_TOKENS);
    }

    /** A completion with this text and these token counts. */
    static StubReply text(String text, int inputTokens, int outputTokens) {
        return new Success(text, inputTokens, outputTokens);
    }

    /** An error with this status and the provider's usual type and message for it. */
    static StubReply error(int status) {
        return new Failure(status, null, null);
    }

    /** An error with this status and message, and the provider's usual type for the status. */
    static StubReply error(int status, String message) {
        return new Failure(status, null, message);
    }

    static StubReply overloaded() {
        return new Overloaded();
    }

    static StubReply raw(int status, String body) {
        return new Raw(status, body);
    }

    static StubReply delayed(Duration delay, StubReply then) {
        return new Delayed(delay, then);
    }
}
