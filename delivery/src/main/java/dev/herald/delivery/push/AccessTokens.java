package dev.herald.delivery.push;

import com.fasterxml.jackson.databind.JsonNode;
import dev.herald.delivery.DeliveryResult;
import dev.herald.delivery.http.FormBody;
import dev.herald.delivery.http.HttpCalls;
import dev.herald.delivery.http.HttpOutcome;
import dev.herald.delivery.http.JsonBodies;
import dev.herald.delivery.http.RetryAfter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * OAuth 2 access tokens of a service account: a signed JWT is exchanged at the token endpoint
 * ({@code grant_type=urn:ietf:params:oauth:grant-type:jwt-bearer&assertion=...}) and the token is kept until
 * {@link #REFRESH_MARGIN} before its {@code expires_in} runs out (or half its lifetime, when shorter). One thread
 * fetches while the others wait for its token.
 */
final class AccessTokens {

    /** The grant type of a JWT bearer assertion (RFC 7523). */
    static final String JWT_BEARER = "urn:ietf:params:oauth:grant-type:jwt-bearer";

    /** How long before expiry a token is replaced. */
    static final Duration REFRESH_MARGIN = Duration.ofMinutes(5);

    /** The lifetime assumed when the answer gives no {@code expires_in}. */
    static final Duration DEFAULT_LIFETIME = Duration.ofHours(1);

    /** The longest a token is kept, whatever {@code expires_in} says. */
    static final Duration MAX_LIFETIME = Duration.ofDays(1);

    /** A token, or why there is none. */
    sealed interface Grant {

        /** A token to send as {@code Authorization: Bearer}. */
        record Granted(String accessToken) implements Grant {
            public Granted {
                Objects.requireNonNull(accessToken, "accessToken");
            }
        }

        /** No token: what the delivery reports ({@link DeliveryResult.Retry} or {@link DeliveryResult.Rejected}). */
        record Refused(DeliveryResult result) implements Grant {
            public Refused {
                Objects.requireNonNull(result, "result");
            }
        }
    }

    /** A token and when it is to be replaced. */
    private record Cached(String accessToken, Instant refreshAt) {}

    private final ServiceAccount account;
    private final String scope;
    private final URI tokenUrl;
    private final HttpClient client;
    private final Clock clock;
    private final Duration timeout;
    private final ReentrantLock lock = new ReentrantLock();
    private Cached cached;

    AccessTokens(ServiceAccount account, String scope, String tokenUrl, HttpClient client, Clock clock,
            Duration timeout) {
        this.account = Objects.requireNonNull(account, "account");
        this.scope = Objects.requireNonNull(scope, "scope");
        this.tokenUrl = URI.create(tokenUrl);
        this.client = Objects.requireNonNull(client, "client");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
    }

    /** The cached token while it is fresh, otherwise a new one. */
    Grant current() {
        lock.lock();
        try {
            Instant now = clock.instant();
            if (cached != null && now.isBefore(cached.refreshAt())) {
                return new Grant.Granted(cached.accessToken());
            }
            cached = null;
            return fetch(now);
        } finally {
            lock.unlock();
        }
    }

    /** Forgets the token if it is still the cached one (the API refused it), so that the next call fetches anew. */
    void invalidate(String accessToken) {
        lock.lock();
        try {
            if (cached != null && cached.accessToken().equals(accessToken)) {
                cached = null;
            }
        } finally {
            lock.unlock();
        }
    }

    private Grant fetch(Instant now) {
        String assertion = ServiceAccountJwt.sign(account, scope, tokenUrl.toString(), now);
        String form = FormBody.encode(Map.of("grant_type", JWT_BEARER, "assertion", assertion));
        Supplier<HttpRequest> request = () -> HttpRequest.newBuilder(tokenUrl)
                .timeout(timeout)
                .header("Content-Type", FormBody.CONTENT_TYPE)
                .header("Accept", JsonBodies.CONTENT_TYPE)
                .POST(HttpRequest.BodyPublishers.ofString(form, StandardCharsets.UTF_8))
                .build();
        return switch (HttpCalls.send(client, request)) {
            case HttpOutcome.Unsendable unsendable -> new Grant.Refused(
                    new DeliveryResult.Rejected("cannot get an access token: " + unsendable.reason(), false));
            case HttpOutcome.Unanswered unanswered -> new Grant.Refused(
                    new DeliveryResult.Retry("cannot get an access token: " + unanswered.reason(), Duration.ZERO));
            case HttpOutcome.Answered answered -> granted(answered, now);
        };
    }

    private Grant granted(HttpOutcome.Answered answer, Instant now) {
        JsonNode body = JsonBodies.read(answer.body());
        String token = body.path("access_token").asText("");
        if (answer.successful() && !token.isEmpty()) {
            long seconds = body.path("expires_in").asLong(0);
            Duration lifetime = seconds > 0 ? Duration.ofSeconds(Math.min(seconds, MAX_LIFETIME.toSeconds()))
                    : DEFAULT_LIFETIME;
            Duration margin = lifetime.dividedBy(2).compareTo(REFRESH_MARGIN) < 0 ? lifetime.dividedBy(2)
                    : REFRESH_MARGIN;
            cached = new Cached(token, now.plus(lifetime).minus(margin));
            return new Grant.Granted(token);
        }
        String error = body.path("error").asText("");
        String description = body.path("error_description").asText("");
        String reason = "the token endpoint refused the service account " + account.clientEmail() + " ("
                + answer.status() + (error.isEmpty() ? ": " + answer.snippet() : " " + error + ": " + description)
                + ")";
        if (answer.temporary()) {
            return new Grant.Refused(new DeliveryResult.Retry(reason, RetryAfter.of(answer.headers(), now)));
        }
        return new Grant.Refused(new DeliveryResult.Rejected(reason, false));
    }
}
