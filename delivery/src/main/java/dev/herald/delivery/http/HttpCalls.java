package dev.herald.delivery.http;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.Supplier;

/** Sends requests and turns every failure into an {@link HttpOutcome}, never an exception. */
public final class HttpCalls {

    private HttpCalls() {}

    /** A client that never follows redirects and gives up connecting after {@code connectTimeout}. */
    public static HttpClient newClient(Duration connectTimeout) {
        return HttpClient.newBuilder()
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /**
     * Builds the request, sends it and reads the whole body as UTF-8. A request that cannot be built (the builder
     * throws {@link IllegalArgumentException}) is unsendable; an interrupt is kept and reported as unanswered.
     */
    public static HttpOutcome send(HttpClient client, Supplier<HttpRequest> builder) {
        HttpRequest request;
        try {
            request = builder.get();
        } catch (IllegalArgumentException e) {
            return new HttpOutcome.Unsendable("cannot build the request: " + e.getMessage());
        }
        try {
            HttpResponse<String> response = client.send(request,
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new HttpOutcome.Answered(response.statusCode(), response.headers(), response.body());
        } catch (HttpTimeoutException e) {
            String limit = request.timeout().map(Duration::toString).orElse("the connect timeout");
            return new HttpOutcome.Unanswered("no answer from " + request.uri().getHost() + " (timed out after "
                    + limit + ")");
        } catch (IOException e) {
            return new HttpOutcome.Unanswered("cannot reach " + request.uri().getHost() + ": " + describe(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new HttpOutcome.Unanswered("interrupted while waiting for " + request.uri().getHost());
        }
    }

    private static String describe(IOException e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }
}
