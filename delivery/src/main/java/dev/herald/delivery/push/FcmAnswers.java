package dev.herald.delivery.push;

import com.fasterxml.jackson.databind.JsonNode;
import dev.herald.delivery.DeliveryResult;
import dev.herald.delivery.http.HttpOutcome;
import dev.herald.delivery.http.JsonBodies;
import dev.herald.delivery.http.RetryAfter;
import java.time.Instant;
import java.util.Locale;

/**
 * Reads FCM v1 answers. Errors are {@code {"error": {"code", "message", "status", "details": [...]}}}; the
 * {@code google.firebase.fcm.v1.FcmError} detail's {@code errorCode} is preferred to the general {@code status}.
 */
final class FcmAnswers {

    /** The {@code @type} of FCM's own error detail. */
    static final String FCM_ERROR_TYPE = "type.googleapis.com/google.firebase.fcm.v1.FcmError";

    /** The {@code @type} of the detail naming the invalid fields. */
    static final String BAD_REQUEST_TYPE = "type.googleapis.com/google.rpc.BadRequest";

    /** The error code of a 401 about the APNs or web push credentials, not about our access token. */
    static final String THIRD_PARTY_AUTH_ERROR = "THIRD_PARTY_AUTH_ERROR";

    private FcmAnswers() {}

    /** Whether the answer refuses the access token itself, so that a fresh one may help. */
    static boolean refusesAccessToken(HttpOutcome.Answered answer) {
        return answer.status() == 401 && !errorCode(JsonBodies.read(answer.body())).equals(THIRD_PARTY_AUTH_ERROR);
    }

    /** What the answer means for the message. */
    static DeliveryResult classify(HttpOutcome.Answered answer, Instant now) {
        JsonNode body = JsonBodies.read(answer.body());
        if (answer.successful()) {
            String name = body.path("name").asText("");
            return name.isEmpty()
                    ? new DeliveryResult.Rejected("FCM answered " + answer.status()
                            + " without a message name, so the message may or may not have left: " + answer.snippet(),
                            false)
                    : new DeliveryResult.Accepted(name);
        }
        String code = errorCode(body);
        String error = describe(answer, body, code);
        return switch (code) {
            case "UNREGISTERED" -> new DeliveryResult.Rejected("the push token is no longer registered (the app was"
                    + " uninstalled or the token expired); remove it (" + error + ")", true);
            case "SENDER_ID_MISMATCH" -> new DeliveryResult.Rejected("the push token belongs to another Firebase"
                    + " project; remove it (" + error + ")", true);
            case "INVALID_ARGUMENT" -> aboutToken(body)
                    ? new DeliveryResult.Rejected("the push token is not a valid FCM registration token; remove it ("
                            + error + ")", true)
                    : new DeliveryResult.Rejected(error, false);
            case "QUOTA_EXCEEDED", "UNAVAILABLE", "INTERNAL" -> new DeliveryResult.Retry(error,
                    RetryAfter.of(answer.headers(), now));
            default -> answer.temporary()
                    ? new DeliveryResult.Retry(error, RetryAfter.of(answer.headers(), now))
                    : new DeliveryResult.Rejected(error, false);
        };
    }

    /** The FcmError detail's code, else the error's status, else {@code ""}. */
    static String errorCode(JsonNode body) {
        JsonNode error = body.path("error");
        for (JsonNode detail : error.path("details")) {
            if (detail.path("@type").asText("").equals(FCM_ERROR_TYPE)) {
                String code = detail.path("errorCode").asText("");
                if (!code.isEmpty()) {
                    return code;
                }
            }
        }
        return error.path("status").asText("");
    }

    /**
     * Whether an INVALID_ARGUMENT is about the registration token (a field violation on {@code message.token}, or a
     * message naming the registration token) rather than about the payload.
     */
    private static boolean aboutToken(JsonNode body) {
        JsonNode error = body.path("error");
        for (JsonNode detail : error.path("details")) {
            if (detail.path("@type").asText("").equals(BAD_REQUEST_TYPE)) {
                for (JsonNode violation : detail.path("fieldViolations")) {
                    if (violation.path("field").asText("").equals("message.token")) {
                        return true;
                    }
                }
            }
        }
        return error.path("message").asText("").toLowerCase(Locale.ROOT).contains("registration token");
    }

    /** For example {@code FCM answered 404 UNREGISTERED: Requested entity was not found.}. */
    private static String describe(HttpOutcome.Answered answer, JsonNode body, String code) {
        String message = body.path("error").path("message").asText("");
        if (code.isEmpty() && message.isEmpty()) {
            return "FCM answered " + answer.status() + ": " + answer.snippet();
        }
        return "FCM answered " + answer.status() + (code.isEmpty() ? "" : " " + code) + ": " + message;
    }
}
