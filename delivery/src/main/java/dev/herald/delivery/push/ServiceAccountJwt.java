package dev.herald.delivery.push;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.herald.delivery.http.JsonBodies;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

/**
 * The signed JWT a service account trades for an access token (Google's "OAuth 2.0 for server to server
 * applications", RFC 7523): header {@code {"alg":"RS256","typ":"JWT","kid":...}}, claims {@code iss} (the account's
 * email), {@code scope}, {@code aud} (the token endpoint), {@code iat} and {@code exp} one hour later, signed with
 * SHA256withRSA.
 */
final class ServiceAccountJwt {

    /** The scope that allows sending through FCM. */
    static final String FCM_SCOPE = "https://www.googleapis.com/auth/firebase.messaging";

    /** How long an assertion is valid, the most Google accepts. */
    static final Duration LIFETIME = Duration.ofHours(1);

    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private ServiceAccountJwt() {}

    /** The assertion, {@code header.claims.signature}, each part Base64url without padding. */
    static String sign(ServiceAccount account, String scope, String audience, Instant now) {
        ObjectNode header = JsonBodies.object().put("alg", "RS256").put("typ", "JWT");
        if (!account.privateKeyId().isEmpty()) {
            header.put("kid", account.privateKeyId());
        }
        long issuedAt = now.getEpochSecond();
        ObjectNode claims = JsonBodies.object()
                .put("iss", account.clientEmail())
                .put("scope", scope)
                .put("aud", audience)
                .put("iat", issuedAt)
                .put("exp", issuedAt + LIFETIME.toSeconds());
        String signingInput = encode(JsonBodies.write(header)) + "." + encode(JsonBodies.write(claims));
        try {
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initSign(account.privateKey());
            rsa.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + BASE64URL.encodeToString(rsa.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign with the service account's key", e);
        }
    }

    private static String encode(String json) {
        return BASE64URL.encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
