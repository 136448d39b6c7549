package dev.herald.writer.provider;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.herald.writer.provider.ProviderException.Kind;
import dev.langchain4j.exception.AuthenticationException;
import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.InternalServerException;
import dev.langchain4j.exception.InvalidRequestException;
import dev.langchain4j.exception.ModelNotFoundException;
import dev.langchain4j.exception.RateLimitException;
import dev.langchain4j.exception.TimeoutException;
import dev.langchain4j.exception.UnresolvedModelServerException;
import java.io.IOException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * Sorts a failure of a LangChain4j call into a {@link ProviderException.Kind}: by the HTTP status and error body
 * when the provider answered, by the cause when it did not.
 */
final class ProviderFailures {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int EXCERPT = 300;

    private ProviderFailures() {}

    /** The failure as a {@link ProviderException}, its message starting with {@code who}. */
    static ProviderException of(Throwable failure, String who) {
        if (failure instanceof ProviderException known) {
            return known;
        }
        HttpException http = find(failure, HttpException.class);
        if (http != null) {
            ErrorBody body = ErrorBody.parse(http.getMessage());
            Kind kind = kindOf(http.statusCode(), body.type());
            return new ProviderException(kind,
                    who + ": " + kind.code() + " (HTTP " + http.statusCode() + ") " + body.message(), failure);
        }
        Kind kind = kindOf(failure);
        return new ProviderException(kind, who + ": " + kind.code() + " " + describe(failure), failure);
    }

    /** The kind of an HTTP error, by its status and, for Anthropic, the error type in its body. */
    static Kind kindOf(int status, String errorType) {
        if ("overloaded_error".equals(errorType) || status == 503 || status == 529) {
            return Kind.OVERLOADED;
        }
        if (status == 429) {
            return Kind.RATE_LIMITED;
        }
        if (status == 408) {
            return Kind.TIMEOUT;
        }
        if (status >= 500 && status <= 599) {
            return Kind.SERVER_ERROR;
        }
        if (status == 401 || status == 403) {
            return Kind.AUTHENTICATION;
        }
        if (status >= 400 && status <= 499) {
            return Kind.REFUSED;
        }
        return Kind.OTHER;
    }

    /** The kind of a failure without an HTTP status. */
    private static Kind kindOf(Throwable failure) {
        if (find(failure, HttpTimeoutException.class) != null || find(failure, TimeoutException.class) != null
                || connectionFailed(failure)) {
            return Kind.TIMEOUT;
        }
        if (find(failure, RateLimitException.class) != null) {
            return Kind.RATE_LIMITED;
        }
        if (find(failure, InternalServerException.class) != null) {
            return Kind.SERVER_ERROR;
        }
        if (find(failure, AuthenticationException.class) != null) {
            return Kind.AUTHENTICATION;
        }
        if (find(failure, InvalidRequestException.class) != null
                || find(failure, ModelNotFoundException.class) != null) {
            return Kind.REFUSED;
        }
        return Kind.OTHER;
    }

    /** Whether the server could not be reached or the connection broke (an I/O error other than bad JSON). */
    private static boolean connectionFailed(Throwable failure) {
        if (find(failure, UnresolvedModelServerException.class) != null
                || find(failure, UnresolvedAddressException.class) != null) {
            return true;
        }
        IOException io = find(failure, IOException.class);
        return io != null && !(io instanceof JacksonException);
    }

    private static <T extends Throwable> T find(Throwable failure, Class<T> type) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable t = failure; t != null && seen.add(t); t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    /** The failure and, when another, its root cause, each with its message. */
    private static String describe(Throwable failure) {
        Throwable root = failure;
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        while (root.getCause() != null && seen.add(root)) {
            root = root.getCause();
        }
        return root == failure ? describeOne(failure) : describeOne(failure) + " (cause: " + describeOne(root) + ")";
    }

    private static String describeOne(Throwable failure) {
        String message = failure.getMessage();
        return failure.getClass().getSimpleName()
                + (message == null || message.isBlank() ? "" : ": " + excerpt(message));
    }

    private static String excerpt(String text) {
        String line = text.strip().replaceAll("\\s+", " ");
        return line.length() <= EXCERPT ? line : line.substring(0, EXCERPT) + "...";
    }

    /** The parts of a provider's error body that matter: Anthropic's and OpenAI's {@code error.type} and message. */
    private record ErrorBody(String type, String message) {

        static ErrorBody parse(String body) {
            if (body == null || body.isBlank()) {
                return new ErrorBody("", "(no body)");
            }
            try {
                JsonNode error = JSON.readTree(body).path("error");
                String message = error.path("message").asText("");
                return new ErrorBody(error.path("type").asText(""), excerpt(message.isBlank() ? body : message));
            } catch (JacksonException e) {
                return new ErrorBody("", excerpt(body));
            }
        }
    }
}
