package dev.herald.delivery.webhook;

import dev.herald.core.profile.Channel;
import dev.herald.delivery.Deliverer;
import dev.herald.delivery.Delivery;
import dev.herald.delivery.DeliveryResult;
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
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Posts each message as JSON ({@link WebhookPayload}) to the configured URL, with the headers
 * {@code Content-Type: application/json}, {@code Idempotency-Key: <message id>} and {@value WebhookSignature#HEADER}
 * ({@link WebhookSignature}: {@code t=<unix seconds>,v1=<hex HMAC-SHA256(secret, t + "." + body)>}). It can serve any
 * channel, so that an application takes over a channel Herald has no adapter for (in-app messages, for example).
 *
 * <p>The receiver's answer becomes:
 *
 * <ul>
 *   <li>2xx: {@link DeliveryResult.Accepted} with the message id;
 *   <li>410 Gone: {@link DeliveryResult.Rejected} with {@code contactInvalid} (the receiver no longer knows the
 *       address);
 *   <li>408, 429 or 5xx: {@link DeliveryResult.Retry} after the {@code Retry-After} the answer gives;
 *   <li>any other status (other 4xx, and 3xx: redirects are not followed): {@link DeliveryResult.Rejected};
 *   <li>no answer (connection failed, timeout): {@link DeliveryResult.Retry}.
 * </ul>
 */
public final class WebhookDeliverer implements Deliverer {

    private final WebhookSettings settings;
    private final Channel channel;
    private final HttpClient client;
    private final Clock clock;
    private final URI endpoint;

    /** A deliverer for the {@link Channel#WEBHOOK} channel, with its own HTTP client, on the system clock. */
    public WebhookDeliverer(WebhookSettings settings) {
        this(settings, Channel.WEBHOOK);
    }

    /** A deliverer for the given channel, with its own HTTP client, on the system clock. */
    public WebhookDeliverer(WebhookSettings settings, Channel channel) {
        this(settings, channel, HttpCalls.newClient(settings.timeout()), Clock.systemUTC());
    }

    /**
     * A deliverer for the given channel on a given HTTP client (which may be shared) and clock (for the signature's
     * time, {@code sent_at} and {@code Retry-After} dates).
     */
    public WebhookDeliverer(WebhookSettings settings, Channel channel, HttpClient client, Clock clock) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.channel = Objects.requireNonNull(channel, "channel");
        this.client = Objects.requireNonNull(client, "client");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.endpoint = URI.create(settings.url());
    }

    @Override
    public Channel channel() {
        return channel;
    }

    @Override
    public DeliveryResult deliver(Delivery delivery) {
        Instant now = clock.instant();
        String body = WebhookPayload.of(delivery, now);
        Supplier<HttpRequest> request = () -> HttpRequest.newBuilder(endpoint)
                .timeout(settings.timeout())
                .header("Content-Type", JsonBodies.CONTENT_TYPE)
                .header("Idempotency-Key", delivery.messageId())
                .header(WebhookSignature.HEADER, WebhookSignature.sign(settings.secret(), now.getEpochSecond(), body))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
        return switch (HttpCalls.send(client, request)) {
            case HttpOutcome.Unsendable unsendable -> new DeliveryResult.Rejected(unsendable.reason(), false);
            case HttpOutcome.Unanswered unanswered -> new DeliveryResult.Retry(unanswered.reason(), Duration.ZERO);
            case HttpOutcome.Answered answered -> classify(answered, delivery);
        };
    }

    private DeliveryResult classify(HttpOutcome.Answered answer, Delivery delivery) {
        if (answer.successful()) {
            return new DeliveryResult.Accepted(delivery.messageId());
        }
        String reason = "the webhook " + endpoint.getHost() + " answered " + answer.status()
                + (answer.body().isBlank() ? "" : ": " + answer.snippet());
        if (answer.status() == 410) {
            return new DeliveryResult.Rejected("the receiver no longer knows the address (" + reason + ")", true);
        }
        if (answer.status() == 408 || answer.temporary()) {
            return new DeliveryResult.Retry(reason, RetryAfter.of(answer.headers(), clock.instant()));
        }
        return new DeliveryResult.Rejected(reason, false);
    }
}
