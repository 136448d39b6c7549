package dev.herald.delivery.push;

import dev.herald.delivery.http.HttpUrls;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * How to reach Firebase Cloud Messaging.
 *
 * @param projectId the Firebase project id, as in {@code projects/{projectId}/messages:send}
 * @param serviceAccountJsonPath the service account key file downloaded from the Google Cloud console (JSON with
 *     {@code client_email}, {@code private_key}, {@code private_key_id} and {@code token_uri})
 * @param baseUrl where the FCM API lives, {@value #DEFAULT_BASE_URL} unless testing
 * @param tokenUrl where access tokens are obtained, or {@code ""} for the service account's {@code token_uri}
 *     (normally {@code https://oauth2.googleapis.com/token})
 * @param timeout how long to wait for FCM or the token endpoint to connect and to answer
 */
public record FcmSettings(
        String projectId,
        Path serviceAccountJsonPath,
        String baseUrl,
        String tokenUrl,
        Duration timeout) {

    /** FCM's API host. */
    public static final String DEFAULT_BASE_URL = "https://fcm.googleapis.com";

    /** The default of {@link #timeout()}. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    public FcmSettings {
        if (projectId == null || projectId.isBlank()) {
            throw new IllegalArgumentException("the Firebase project id is missing");
        }
        Objects.requireNonNull(serviceAccountJsonPath, "serviceAccountJsonPath");
        baseUrl = HttpUrls.requireBase(baseUrl, "the FCM base URL");
        tokenUrl = Objects.requireNonNullElse(tokenUrl, "");
        if (!tokenUrl.isEmpty()) {
            HttpUrls.requireHttp(tokenUrl, "the token URL");
        }
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("the timeout must be positive, got " + timeout);
        }
    }

    /** Settings for FCM itself: the default base URL, the service account's token URI, a timeout of 10 seconds. */
    public static FcmSettings of(String projectId, Path serviceAccountJsonPath) {
        return new FcmSettings(projectId, serviceAccountJsonPath, DEFAULT_BASE_URL, "", DEFAULT_TIMEOUT);
    }

    public FcmSettings withBaseUrl(String url) {
        return new FcmSettings(projectId, serviceAccountJsonPath, url, tokenUrl, timeout);
    }

    public FcmSettings withTokenUrl(String url) {
        return new FcmSettings(projectId, serviceAccountJsonPath, baseUrl, url, timeout);
    }

    public FcmSettings withTimeout(Duration limit) {
        return new FcmSettings(projectId, serviceAccountJsonPath, baseUrl, tokenUrl, limit);
    }
}
