package dev.herald.delivery.sms;

import dev.herald.delivery.http.HttpUrls;
import java.time.Duration;
import java.util.Objects;

/**
 * How to reach Twilio.
 *
 * @param accountSid the account SID ({@code AC...}): the user name of HTTP Basic authentication and part of the path
 * @param authToken the account's auth token: the password of HTTP Basic authentication, and the key Twilio signs its
 *     webhooks with
 * @param sender the {@code From} number or the Messaging Service
 * @param baseUrl where the API lives, {@value #DEFAULT_BASE_URL} unless testing
 * @param statusCallbackUrl where Twilio posts status changes of each message (Herald's message id is added to it as
 *     the {@code message_id} query parameter), or {@code ""} for none
 * @param timeout how long to wait for Twilio to connect and to answer
 */
public record TwilioSettings(
        String accountSid,
        String authToken,
        TwilioSender sender,
        String baseUrl,
        String statusCallbackUrl,
        Duration timeout) {

    /** Twilio's API host. */
    public static final String DEFAULT_BASE_URL = "https://api.twilio.com";

    /** The default of {@link #timeout()}. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    public TwilioSettings {
        requireText(accountSid, "the account SID");
        requireText(authToken, "the auth token");
        Objects.requireNonNull(sender, "sender");
        baseUrl = HttpUrls.requireBase(baseUrl, "the Twilio base URL");
        statusCallbackUrl = Objects.requireNonNullElse(statusCallbackUrl, "");
        if (!statusCallbackUrl.isEmpty()) {
            HttpUrls.requireHttp(statusCallbackUrl, "the status callback URL");
        }
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("the timeout must be positive, got " + timeout);
        }
    }

    /** Settings for Twilio itself: the default base URL, no status callback, a timeout of 10 seconds. */
    public static TwilioSettings of(String accountSid, String authToken, TwilioSender sender) {
        return new TwilioSettings(accountSid, authToken, sender, DEFAULT_BASE_URL, "", DEFAULT_TIMEOUT);
    }

    public TwilioSettings withBaseUrl(String url) {
        return new TwilioSettings(accountSid, authToken, sender, url, statusCallbackUrl, timeout);
    }

    public TwilioSettings withStatusCallbackUrl(String url) {
        return new TwilioSettings(accountSid, authToken, sender, baseUrl, url, timeout);
    }

    public TwilioSettings withTimeout(Duration limit) {
        return new TwilioSettings(accountSid, authToken, sender, baseUrl, statusCallbackUrl, limit);
    }

    /** The settings without the auth token. */
    @Override
    public String toString() {
        return "TwilioSettings[accountSid=" + accountSid + ", authToken=***, sender=" + sender + ", baseUrl="
                + baseUrl + ", statusCallbackUrl=" + statusCallbackUrl + ", timeout=" + timeout + "]";
    }

    private static void requireText(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(what + " is missing");
        }
    }
}
