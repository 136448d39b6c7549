package dev.herald.writer.provider;

import java.util.Objects;

/** A completion that could not be had, with what kind of failure it was. */
public final class ProviderException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** The kinds of failure; the retriable ones are retried with backoff. */
    public enum Kind {
        /** HTTP 429. */
        RATE_LIMITED(true, "rate_limited"),
        /** Anthropic's 529 overloaded_error, or a 503. */
        OVERLOADED(true, "overloaded"),
        /** Another 5xx. */
        SERVER_ERROR(true, "server_error"),
        /** No reply within the timeout, or the connection failed. */
        TIMEOUT(true, "timeout"),
        /** The circuit breaker is open after repeated failures; no call was made. */
        CIRCUIT_OPEN(false, "circuit_open"),
        /** Too many calls in flight; no call was made. */
        BUSY(false, "busy"),
        /** 401 or 403: the API key is wrong. */
        AUTHENTICATION(false, "authentication"),
        /** Another 4xx: the request was refused. */
        REFUSED(false, "refused"),
        /** Anything else. */
        OTHER(false, "other");

        private final boolean retriable;
        private final String code;

        Kind(boolean retriable, String code) {
            this.retriable = retriable;
            this.code = code;
        }

        public boolean retriable() {
            return retriable;
        }

        /** The kind as it appears in metrics and traces. */
        public String code() {
            return code;
        }
    }

    private final Kind kind;

    public ProviderException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = Objects.requireNonNull(kind, "kind");
    }

    public Kind kind() {
        return kind;
    }
}
