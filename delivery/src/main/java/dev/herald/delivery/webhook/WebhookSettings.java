package dev.herald.delivery.webhook;

import dev.herald.delivery.http.HttpUrls;
import java.time.Duration;
import java.util.Objects;

/**
 * Where webhooks go and how they are signed.
 *
 * @param url the receiver's endpoint; every message is posted to it
 * @param secret the shared secret of the {@value WebhookSignature#HEADER} HMAC; the receiver keeps a copy
 * @param timeout how long to wait for the receiver to connect and to answer
 */
public record WebhookSettings(String url, String secret, Duration timeout) {

    /** The default of {@link #timeout()}. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    public WebhookSettings {
        HttpUrls.requireHttp(url, "the webhook URL");
        if (secret == null || secret.isBlank()) {
            throw new IllegalArgumentException("the webhook secret is missing");
        }
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("the timeout must be positive, got " + timeout);
        }
    }

    /** Settings with a timeout of 10 seconds. */
    public static WebhookSettings of(String url, String secret) {
        return new WebhookSettings(url, secret, DEFAULT_TIMEOUT);
    }

    public WebhookSettings withTimeout(Duration limit) {
        return new WebhookSettings(url, secret, limit);
    }

    /** The settings without the secret. */
    @Override
    public String toString() {
        return "WebhookSettings[url=" + url + ", secret=***, timeout=" + timeout + "]";
    }
}
