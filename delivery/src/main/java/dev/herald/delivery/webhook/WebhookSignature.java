package dev.herald.delivery.webhook;

import dev.herald.delivery.http.Hmac;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * The {@value #HEADER} header of a webhook, signed as Stripe signs its events:
 *
 * <pre>{@code
 * X-Herald-Signature: t=1772446530,v1=91397ee21f1f7d68a37f8f6ab4f6995c24a72c8d5c86399151f6a129525ae199
 * }</pre>
 *
 * <p>{@code t} is when the request was signed, in Unix seconds; {@code v1} is the lower-case hex HMAC-SHA256, keyed
 * with the UTF-8 bytes of the shared secret, of the UTF-8 bytes of {@code t + "." + body}, where {@code body} is the
 * raw request body exactly as received. Binding the timestamp into the MAC lets a receiver refuse replays. (The
 * example above is the body {@code {"message_id":"m1"}} signed with the secret {@code whsec_test}.)
 *
 * <p>To verify, a receiver:
 *
 * <ol>
 *   <li>splits the header at {@code ,} into {@code key=value} pairs, takes {@code t} and every {@code v1} (the format
 *       allows several, as when a secret is being replaced) and ignores other keys;
 *   <li>computes the HMAC-SHA256 of {@code t + "." + body} with its secret, as lower-case hex, from the raw body
 *       before any JSON parsing;
 *   <li>compares it with each {@code v1} in constant time, and accepts if one matches;
 *   <li>refuses the request if {@code t} is further than a tolerance (five minutes, say) from its own clock;
 *   <li>de-duplicates on the {@code Idempotency-Key} header (the message id), since a message may be delivered
 *       again after a timeout.
 * </ol>
 *
 * {@link #verify(String, String, String, Instant, Duration)} does the first four steps.
 */
public final class WebhookSignature {

    /** The header carrying the signature. */
    public static final String HEADER = "X-Herald-Signature";

    /** A sensible tolerance between the signing time and the receiver's clock. */
    public static final Duration DEFAULT_TOLERANCE = Duration.ofMinutes(5);

    private static final HexFormat HEX = HexFormat.of();

    private WebhookSignature() {}

    /** The header value for a body signed at {@code timestamp} (Unix seconds). */
    public static String sign(String secret, long timestamp, String body) {
        return "t=" + timestamp + ",v1=" + HEX.formatHex(mac(secret, timestamp, body));
    }

    /**
     * Whether the header signs this body with this secret, at a time within {@code tolerance} of {@code now} (either
     * way). A missing or malformed header is not valid. Compares in constant time.
     *
     * @param header the {@value #HEADER} header, possibly null
     * @param body the raw request body
     */
    public static boolean verify(String secret, String header, String body, Instant now, Duration tolerance) {
        if (header == null || secret == null || secret.isEmpty() || body == null) {
            return false;
        }
        Long timestamp = null;
        List<String> signatures = new ArrayList<>();
        for (String part : header.split(",")) {
            int equals = part.indexOf('=');
            if (equals < 0) {
                continue;
            }
            String key = part.substring(0, equals).strip();
            String value = part.substring(equals + 1).strip();
            if (key.equals("t") && timestamp == null) {
                timestamp = parseSeconds(value);
            } else if (key.equals("v1")) {
                signatures.add(value.toLowerCase(Locale.ROOT));
            }
        }
        if (timestamp == null || signatures.isEmpty()) {
            return false;
        }
        long drift = Math.abs(now.getEpochSecond() - timestamp);
        if (drift > tolerance.toSeconds()) {
            return false;
        }
        byte[] expected = HEX.formatHex(mac(secret, timestamp, body)).getBytes(StandardCharsets.US_ASCII);
        boolean valid = false;
        for (String signature : signatures) {
            valid |= Hmac.constantTimeEquals(expected, signature.getBytes(StandardCharsets.US_ASCII));
        }
        return valid;
    }

    private static byte[] mac(String secret, long timestamp, String body) {
        return Hmac.compute(Hmac.SHA256, secret, (timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
    }

    private static Long parseSeconds(String value) {
        if (value.isEmpty() || !value.chars().allMatch(Character::isDigit) || value.length() > 18) {
            return null;
        }
        return Long.parseLong(value);
    }
}
