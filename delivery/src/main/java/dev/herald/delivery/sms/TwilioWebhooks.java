package dev.herald.delivery.sms;

import java.util.Map;
import java.util.Objects;

/**
 * What a web endpoint needs for the requests Twilio sends it: checking {@code X-Twilio-Signature}, and reading
 * status callbacks and incoming messages. Twilio posts both as {@code application/x-www-form-urlencoded}; decode the
 * body into a map (for example with {@link dev.herald.delivery.http.FormBody#decode(String)}) and check the
 * signature before believing anything in it.
 *
 * <p>The signature is the Base64 of the HMAC-SHA1, keyed with the auth token, of the full URL Twilio requested
 * followed by every POST parameter sorted by name, each as its name then its value. The URL must be the one Twilio
 * was configured with (its scheme and host, not those of a proxy in between), query included.
 */
public final class TwilioWebhooks {

    /** The header carrying the signature. */
    public static final String SIGNATURE_HEADER = "X-Twilio-Signature";

    private final String authToken;

    /** Webhooks of the account with this auth token. */
    public TwilioWebhooks(String authToken) {
        Objects.requireNonNull(authToken, "authToken");
        if (authToken.isBlank()) {
            throw new IllegalArgumentException("the auth token is missing");
        }
        this.authToken = authToken;
    }

    /**
     * Whether {@code signature} (the {@value #SIGNATURE_HEADER} header, possibly null) signs this request. Compares in
     * constant time.
     *
     * @param url the full URL Twilio requested, query included
     * @param params the POST parameters (the decoded form body), not the query parameters
     */
    public boolean isValid(String signature, String url, Map<String, String> params) {
        return TwilioSignature.matches(authToken, signature, url, params);
    }

    /** The signature Twilio sends for this request, for tests of an endpoint. */
    public String sign(String url, Map<String, String> params) {
        return TwilioSignature.compute(authToken, url, params);
    }

    /**
     * Reads a status callback.
     *
     * @see TwilioStatusCallback#parse(Map)
     */
    public TwilioStatusCallback statusCallback(Map<String, String> params) {
        return TwilioStatusCallback.parse(params);
    }

    /**
     * Reads and classifies an incoming message.
     *
     * @see InboundSms#parse(Map)
     */
    public InboundSms inbound(Map<String, String> params) {
        return InboundSms.parse(params);
    }
}
