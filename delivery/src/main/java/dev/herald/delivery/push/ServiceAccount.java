package dev.herald.delivery.push;

import com.fasterxml.jackson.databind.JsonNode;
import dev.herald.delivery.http.HttpUrls;
import dev.herald.delivery.http.JsonBodies;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.Objects;

/**
 * The parts of a Google service account key file that sign token requests.
 *
 * @param clientEmail the account's email, the JWT's issuer
 * @param privateKeyId the key's id, the JWT's {@code kid}, or {@code ""}
 * @param privateKey the RSA key that signs the JWT
 * @param tokenUri where the JWT is exchanged for an access token
 */
public record ServiceAccount(String clientEmail, String privateKeyId, PrivateKey privateKey, String tokenUri) {

    private static final String PKCS8_BEGIN = "-----BEGIN PRIVATE KEY-----";
    private static final String PKCS8_END = "-----END PRIVATE KEY-----";

    public ServiceAccount {
        if (clientEmail == null || clientEmail.isBlank()) {
            throw new IllegalArgumentException("the service account has no client_email");
        }
        Objects.requireNonNull(privateKeyId, "privateKeyId");
        Objects.requireNonNull(privateKey, "privateKey");
        HttpUrls.requireHttp(tokenUri, "the service account's token_uri");
    }

    /**
     * Reads a key file.
     *
     * @throws UncheckedIOException when the file cannot be read
     * @throws IllegalArgumentException when it is not a service account key with an RSA key in PKCS#8 PEM
     */
    public static ServiceAccount read(Path file) {
        try {
            return parse(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the service account file " + file, e);
        }
    }

    /**
     * Reads a key file's JSON.
     *
     * @throws IllegalArgumentException when it is not a service account key with an RSA key in PKCS#8 PEM
     */
    public static ServiceAccount parse(String json) {
        JsonNode node = JsonBodies.read(json);
        if (!node.isObject()) {
            throw new IllegalArgumentException("the service account file is not a JSON object");
        }
        String type = node.path("type").asText("service_account");
        if (!type.equals("service_account")) {
            throw new IllegalArgumentException("the credentials file is of type '" + type
                    + "', not a service account key");
        }
        return new ServiceAccount(node.path("client_email").asText(""), node.path("private_key_id").asText(""),
                privateKey(node.path("private_key").asText("")), node.path("token_uri").asText(""));
    }

    /** The account without its private key. */
    @Override
    public String toString() {
        return "ServiceAccount[clientEmail=" + clientEmail + ", privateKeyId=" + privateKeyId + ", tokenUri="
                + tokenUri + "]";
    }

    private static PrivateKey privateKey(String pem) {
        int begin = pem.indexOf(PKCS8_BEGIN);
        int end = pem.indexOf(PKCS8_END);
        if (begin < 0 || end < begin) {
            throw new IllegalArgumentException("the service account's private_key is not a PKCS#8 PEM key ("
                    + PKCS8_BEGIN + " ... " + PKCS8_END + ")");
        }
        String base64 = pem.substring(begin + PKCS8_BEGIN.length(), end).replaceAll("\\s", "");
        try {
            byte[] der = Base64.getDecoder().decode(base64);
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (IllegalArgumentException | InvalidKeySpecException e) {
            throw new IllegalArgumentException("the service account's private_key is not a readable RSA key", e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has RSA", e);
        }
    }
}
