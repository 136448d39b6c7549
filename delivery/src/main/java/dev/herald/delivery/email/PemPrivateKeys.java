package dev.herald.delivery.email;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads an RSA private key from a PKCS#8 PEM file, with errors that name the file and say what is wrong. */
final class PemPrivateKeys {

    /** RFC 8301: verifiers must not accept RSA keys shorter than 1024 bits. */
    static final int MIN_RSA_BITS = 1024;

    private static final Pattern PKCS8 = Pattern
            .compile("-----BEGIN PRIVATE KEY-----([A-Za-z0-9+/=\\s]+)-----END PRIVATE KEY-----");

    private PemPrivateKeys() {}

    /** The RSA key in the file; an {@link IllegalArgumentException} naming the file when it cannot be used. */
    static RSAPrivateKey readRsa(Path file) {
        String pem;
        try {
            pem = Files.readString(file, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw invalid(file, "cannot be read (" + e + ")", e);
        }
        if (pem.contains("-----BEGIN RSA PRIVATE KEY-----")) {
            throw invalid(file, "holds a PKCS#1 key (BEGIN RSA PRIVATE KEY); convert it to PKCS#8 with"
                    + " openssl pkcs8 -topk8 -nocrypt -in " + file + " -out dkim-pkcs8.pem", null);
        }
        if (pem.contains("-----BEGIN ENCRYPTED PRIVATE KEY-----")) {
            throw invalid(file, "holds an encrypted key; an unencrypted PKCS#8 key (BEGIN PRIVATE KEY) is needed",
                    null);
        }
        Matcher matcher = PKCS8.matcher(pem);
        if (!matcher.find()) {
            throw invalid(file, "has no PKCS#8 PEM block (-----BEGIN PRIVATE KEY----- ... -----END PRIVATE KEY-----)",
                    null);
        }
        byte[] der;
        try {
            der = Base64.getDecoder().decode(matcher.group(1).replaceAll("\\s", ""));
        } catch (IllegalArgumentException e) {
            throw invalid(file, "has a PEM block that is not valid Base64", e);
        }
        RSAPrivateKey key;
        try {
            key = (RSAPrivateKey) KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (GeneralSecurityException | ClassCastException e) {
            throw invalid(file, "does not hold an RSA private key (" + e.getMessage() + ")", e);
        }
        int bits = key.getModulus().bitLength();
        if (bits < MIN_RSA_BITS) {
            throw invalid(file, "holds a " + bits + "-bit RSA key; DKIM needs " + MIN_RSA_BITS
                    + " bits at least (2048 recommended)", null);
        }
        return key;
    }

    private static IllegalArgumentException invalid(Path file, String problem, Exception cause) {
        return new IllegalArgumentException("smtp setting dkim.privateKeyPemPath: the file " + file + " " + problem,
                cause);
    }
}
