package dev.herald.server.http;

import java.util.List;

/**
 * A request Herald refuses, with the HTTP status and what to fix. Rendered as
 * {@code {"error": {"status": 400, "message": "...", "problems": ["batch[2].timestamp: ..."]}}}.
 */
public final class ApiError extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final transient List<String> problems;

    public ApiError(int status, String message, List<String> problems) {
        super(message);
        this.status = status;
        this.problems = List.copyOf(problems);
    }

    public ApiError(int status, String message) {
        this(status, message, List.of());
    }

    public int status() {
        return status;
    }

    public List<String> problems() {
        return problems;
    }
}
