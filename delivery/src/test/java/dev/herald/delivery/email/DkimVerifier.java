package dev.herald.delivery.email;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Checks a DKIM signature (RFC 6376) written for the tests, independently of the signing library: rsa-sha256 with
 * relaxed/relaxed canonicalisation, the public key given instead of looked up in DNS. Throws an
 * {@link AssertionError} saying what does not match.
 */
final class DkimVerifier {

    private DkimVerifier() {}

    /** A header field as it stands in the message: its name and its raw value, folding included. */
    private record Field(String name, String value) {}

    /** Verifies the message's one DKIM-Signature and returns its tags. */
    static Map<String, String> verify(byte[] message, PublicKey key) {
        String text = new String(message, StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\r\n\r\n");
        if (end < 0) {
            throw new AssertionError("the message has no empty line between header and body");
        }
        List<Field> fields = fields(text.substring(0, end + 2));
        String body = text.substring(end + 4);
        List<Field> signatures = fields.stream().filter(f -> f.name().equalsIgnoreCase("DKIM-Signature")).toList();
        if (signatures.size() != 1) {
            throw new AssertionError("expected one DKIM-Signature, found " + signatures.size());
        }
        Field signature = signatures.getFirst();
        Map<String, String> tags = tags(signature.value());
        expect(tags, "v", "1");
        expect(tags, "a", "rsa-sha256");
        expect(tags, "c", "relaxed/relaxed");
        if (tags.containsKey("l")) {
            throw new AssertionError("unexpected body length tag l=" + tags.get("l"));
        }

        byte[] bodyHash = sha256(relaxedBody(body).getBytes(StandardCharsets.ISO_8859_1));
        String expectedBodyHash = tags.get("bh").replaceAll("\\s", "");
        if (!Base64.getEncoder().encodeToString(bodyHash).equals(expectedBodyHash)) {
            throw new AssertionError("body hash differs: bh=" + expectedBodyHash + ", computed "
                    + Base64.getEncoder().encodeToString(bodyHash));
        }

        StringBuilder signed = new StringBuilder();
        Set<Field> used = Collections.newSetFromMap(new IdentityHashMap<>());
        for (String name : tags.get("h").split(":")) {
            for (int i = fields.size() - 1; i >= 0; i--) {
                Field field = fields.get(i);
                if (field.name().equalsIgnoreCase(name.strip()) && field != signature && used.add(field)) {
                    signed.append(relaxedHeader(field.name(), field.value())).append("\r\n");
                    break;
                }
            }
        }
        String withoutB = signature.value().replaceFirst("(^|;)(\\s*b\\s*=)[^;]*", "$1$2");
        signed.append(relaxedHeader(signature.name(), withoutB));
        try {
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initVerify(key);
            rsa.update(signed.toString().getBytes(StandardCharsets.ISO_8859_1));
            if (!rsa.verify(Base64.getDecoder().decode(tags.get("b").replaceAll("\\s", "")))) {
                throw new AssertionError("the signature b= does not verify over the signed headers:\n" + signed);
            }
        } catch (GeneralSecurityException e) {
            throw new AssertionError("verifying failed: " + e, e);
        }
        return tags;
    }

    /** RFC 6376 3.4.2: lower-case name, unfolded value with runs of whitespace as one space, trimmed. */
    static String relaxedHeader(String name, String value) {
        String unfolded = value.replace("\r\n", "");
        return name.strip().toLowerCase(Locale.ROOT) + ":" + unfolded.replaceAll("[ \t]+", " ").strip();
    }

    /** RFC 6376 3.4.4: runs of whitespace as one space, none at line ends, no empty lines at the end. */
    static String relaxedBody(String body) {
        List<String> lines = new ArrayList<>(Arrays.asList(body.split("\r\n", -1)));
        if (!lines.isEmpty() && lines.getLast().isEmpty()) {
            lines.removeLast();
        }
        List<String> canonical = new ArrayList<>();
        for (String line : lines) {
            canonical.add(line.replaceAll("[ \t]+", " ").replaceAll(" $", ""));
        }
        while (!canonical.isEmpty() && canonical.getLast().isEmpty()) {
            canonical.removeLast();
        }
        StringBuilder out = new StringBuilder();
        canonical.forEach(line -> out.append(line).append("\r\n"));
        return out.toString();
    }

    private static List<Field> fields(String header) {
        List<Field> fields = new ArrayList<>();
        StringBuilder current = null;
        for (String line : header.split("\r\n")) {
            if (!line.isEmpty() && (line.charAt(0) == ' ' || line.charAt(0) == '\t') && current != null) {
                current.append("\r\n").append(line);
            } else {
                if (current != null) {
                    fields.add(field(current.toString()));
                }
                current = new StringBuilder(line);
            }
        }
        if (current != null) {
            fields.add(field(current.toString()));
        }
        return fields;
    }

    private static Field field(String raw) {
        int colon = raw.indexOf(':');
        return new Field(raw.substring(0, colon), raw.substring(colon + 1));
    }

    private static Map<String, String> tags(String value) {
        Map<String, String> tags = new LinkedHashMap<>();
        for (String tag : value.replace("\r\n", "").split(";")) {
            if (tag.isBlank()) {
                continue;
            }
            int equals = tag.indexOf('=');
            tags.put(tag.substring(0, equals).strip(), tag.substring(equals + 1).strip());
        }
        return tags;
    }

    private static void expect(Map<String, String> tags, String tag, String value) {
        if (!value.equals(tags.get(tag))) {
            throw new AssertionError("expected " + tag + "=" + value + ", got " + tags.get(tag));
        }
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }
}
