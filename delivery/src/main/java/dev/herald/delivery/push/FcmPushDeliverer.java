package dev.herald.delivery.push;

import dev.herald.core.content.MessageContent;
import dev.herald.core.profile.Channel;
import dev.herald.delivery.Deliverer;
import dev.herald.delivery.Delivery;
import dev.herald.delivery.DeliveryResult;
import dev.herald.delivery.http.FormBody;
import dev.herald.delivery.http.HttpCalls;
import dev.herald.delivery.http.HttpOutcome;
import dev.herald.delivery.http.JsonBodies;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Sends push notifications through FCM HTTP v1: {@code POST {base}/v1/projects/{projectId}/messages:send} with the
 * body {@link FcmRequestBody} describes and {@code Authorization: Bearer} an access token of the service account
 * (fetched with a signed JWT, cached until shortly before it expires, and fetched anew once when FCM answers 401).
 * The delivery's address is the device's registration token.
 *
 * <p>FCM's answer becomes:
 *
 * <ul>
 *   <li>200 with {@code name} ({@code projects/.../messages/...}): {@link DeliveryResult.Accepted} with that name;
 *   <li>{@code UNREGISTERED} (404), {@code SENDER_ID_MISMATCH} (403), or {@code INVALID_ARGUMENT} (400) about the
 *       registration token: {@link DeliveryResult.Rejected} with {@code contactInvalid}, so the token is dropped;
 *   <li>{@code QUOTA_EXCEEDED} (429), {@code UNAVAILABLE} (503), {@code INTERNAL} (500), any other 429 or 5xx:
 *       {@link DeliveryResult.Retry} after the {@code Retry-After} the answer gives;
 *   <li>anything else (another {@code INVALID_ARGUMENT}, {@code THIRD_PARTY_AUTH_ERROR}, a second 401,
 *       {@code PERMISSION_DENIED}): {@link DeliveryResult.Rejected};
 *   <li>no answer: {@link DeliveryResult.Retry}. A token endpoint that cannot be reached or answers 429 or 5xx gives
 *       {@link DeliveryResult.Retry} too; one that refuses the service account gives {@link DeliveryResult.Rejected}.
 * </ul>
 */
public final class FcmPushDeliverer implements Deliverer {

    private final FcmSettings settings;
    private final HttpClient client;
    private final Clock clock;
    private final URI endpoint;
    private final AccessTokens tokens;

    /**
     * A deliverer with its own HTTP client, on the system clock.
     *
     * @throws java.io.UncheckedIOException when the service account file cannot be read
     * @throws IllegalArgumentException when it is not a service account key
     */
    public FcmPushDeliverer(FcmSettings settings) {
        this(settings, HttpCalls.newClient(settings.timeout()), Clock.systemUTC());
    }

    /**
     * A deliverer on a given HTTP client (which may be shared) and clock (for the JWT's times, the token's expiry and
     * {@code Retry-After} dates).
     *
     * @throws java.io.UncheckedIOException when the service account file cannot be read
     * @throws IllegalArgumentException when it is not a service account key
     */
    public FcmPushDeliverer(FcmSettings settings, HttpClient client, Clock clock) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.client = Objects.requireNonNull(client, "client");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.endpoint = URI.create(settings.baseUrl() + "/v1/projects/" + FormBody.encodePart(settings.projectId())
                + "/messages:send");
        ServiceAccount account = ServiceAccount.read(settings.serviceAccountJsonPath());
        String tokenUrl = settings.tokenUrl().isEmpty() ? account.tokenUri() : settings.tokenUrl();
        this.tokens = new AccessTokens(account, ServiceAccountJwt.FCM_SCOPE, tokenUrl, client, clock,
                settings.timeout());
    }

    @Override
    public Channel channel() {
        return Channel.PUSH;
    }

    @Override
    public DeliveryResult deliver(Delivery delivery) {
        if (!(delivery.content() instanceof MessageContent.Push push)) {
            return new DeliveryResult.Rejected("FCM sends push content only, got "
                    + delivery.content().getClass().getSimpleName(), false);
        }
        String body = FcmRequestBody.of(delivery, push);
        return switch (tokens.current()) {
            case AccessTokens.Grant.Refused refused -> refused.result();
            case AccessTokens.Grant.Granted granted -> send(body, granted.accessToken(), true);
        };
    }

    private DeliveryResult send(String body, String accessToken, boolean mayRefresh) {
        Supplier<HttpRequest> request = () -> HttpRequest.newBuilder(endpoint)
                .timeout(settings.timeout())
                .header("Authorization", "Bearer " + accessToken)
                .header("Content-Type", JsonBodies.CONTENT_TYPE + "; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
        return switch (HttpCalls.send(client, request)) {
            case HttpOutcome.Unsendable unsendable -> new DeliveryResult.Rejected(unsendable.reason(), false);
            case HttpOutcome.Unanswered unanswered -> new DeliveryResult.Retry(unanswered.reason(), Duration.ZERO);
            case HttpOutcome.Answered answered when mayRefresh && FcmAnswers.refusesAccessToken(answered) -> {
                tokens.invalidate(accessToken);
                yield switch (tokens.current()) {
                    case AccessTokens.Grant.Refused refused -> refused.result();
                    case AccessTokens.Grant.Granted granted -> send(body, granted.accessToken(), false);
                };
            }
            case HttpOutcome.Answered answered -> FcmAnswers.classify(answered, clock.instant());
        };
    }
}
