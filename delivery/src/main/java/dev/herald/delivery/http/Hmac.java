package dev.herald.delivery.http;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** HMAC with the JDK's {@link Mac}, and a comparison that takes the same time wherever two values differ. */
public final class Hmac {

    /** HMAC with SHA-1, as Twilio signs its webhooks. */
    public static final String SHA1 = "HmacSHA1";

    /** HMAC with SHA-256. */
    public static final String SHA256 = "HmacSHA256";

    private Hmac() {}

    /** The MAC of {@code data} under the UTF-8 bytes of {@code key}. */
    public static byte[] compute(String algorithm, String key, byte[] data) {
        try {
            Mac mac = Mac.getInstance(algorithm);
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), algorithm));
            return mac.doFinal(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has " + algorithm, e);
        } catch (InvalidKeyException e) {
            throw new IllegalArgumentException("the key cannot be used with " + algorithm, e);
        }
    }

    /** Whether two values are equal, in time that depends on their lengths only. */
    public static boolean constantTimeEquals(byte[] expected, byte[] actual) {
        return MessageDigest.isEqual(expected, actual);
    }
}
