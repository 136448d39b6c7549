package dev.herald.server.track;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signed tracking links: a click link that records the click and redirects to the original URL, an open pixel, and
 * a one-click unsubscribe link. Each carries the message id and an HMAC-SHA256 signature (truncated to 128 bits)
 * over what it encodes, so a link cannot be forged or pointed elsewhere: Herald never redirects to a URL it did not
 * sign (no open redirect).
 *
 * <pre>
 * click        {base}/t/c/{messageId}/{base64url(url)}/{sig}
 * open pixel   {base}/t/o/{messageId}/{sig}.gif
 * unsubscribe  {base}/t/u/{messageId}/{sig}
 * </pre>
 */
public final class TrackingLinks {

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getUrlDecoder();

    private final String base;
    private final byte[] secret;

    /**
     * @param base the public address of this server, as recipients reach it (for example https://t.shop.example)
     * @param secret the signing secret: at least 32 bytes, the same on every server of one installation
     */
    public TrackingLinks(String base, String secret) {
        this.base = Objects.requireNonNull(base, "base").replaceAll("/+$", "");
        URI uri = URI.create(this.base);
        if (uri.getHost() == null || !(uri.getScheme().equals("https") || uri.getScheme().equals("http"))) {
            throw new IllegalArgumentException("server.public_url must be an http(s) URL, got " + base);
        }
        if (secret == null || secret.getBytes(StandardCharsets.UTF_8).length < 32) {
            throw new IllegalArgumentException("server.tracking_secret must be at least 32 characters");
        }
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
    }

    public String click(String messageId, String url) {
        String encoded = B64.encodeToString(url.getBytes(StandardCharsets.UTF_8));
        return base + "/t/c/" + messageId + "/" + encoded + "/" + sign("c", messageId, url);
    }

    public String open(String messageId) {
        return base + "/t/o/" + messageId + "/" + sign("o", messageId, "") + ".gif";
    }

    public String unsubscribe(String messageId) {
        return base + "/t/u/" + messageId + "/" + sign("u", messageId, "");
    }

    /** The URL a click link leads to, when its signature is right. */
    public Optional<String> verifyClick(String messageId, String encodedUrl, String signature) {
        String url;
        try {
            url = new String(B64D.decode(encodedUrl), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        return matches(sign("c", messageId, url), signature) ? Optional.of(url) : Optional.empty();
    }

    public boolean verifyOpen(String messageId, String signature) {
        return matches(sign("o", messageId, ""), signature.replaceAll("\\.gif$", ""));
    }

    public boolean verifyUnsubscribe(String messageId, String signature) {
        return matches(sign("u", messageId, ""), signature);
    }

    private static boolean matches(String expected, String given) {
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                given.getBytes(StandardCharsets.US_ASCII));
    }

    private String sign(String kind, String messageId, String value) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            byte[] digest = mac.doFinal((kind + "\n" + messageId + "\n" + value).getBytes(StandardCharsets.UTF_8));
            return B64.encodeToString(Arrays.copyOf(digest, 16));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
