package dev.herald.server.http;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * The API keys: write keys for ingestion (sent as Segment sends them, HTTP Basic with the key as the user name and
 * an empty password, or as a Bearer token) and the admin key for the admin endpoints (Bearer). Compared in constant
 * time.
 */
public final class Keys {

    private final List<byte[]> writeKeys;
    private final byte[] adminKey;

    public Keys(List<String> writeKeys, String adminKey) {
        if (writeKeys.isEmpty() || writeKeys.stream().anyMatch(String::isBlank)) {
            throw new IllegalArgumentException("server.write_keys: give at least one non-empty write key");
        }
        if (adminKey == null || adminKey.isBlank()) {
            throw new IllegalArgumentException("server.admin_key: give an admin key");
        }
        this.writeKeys = writeKeys.stream().map(k -> k.getBytes(StandardCharsets.UTF_8)).toList();
        this.adminKey = adminKey.getBytes(StandardCharsets.UTF_8);
    }

    /** Checks a write key in an Authorization header; a 401 naming the expected form otherwise. */
    public void requireWriteKey(String authorization) {
        byte[] given = credential(authorization).orElseThrow(() -> new ApiError(401,
                "missing write key: send it as HTTP Basic auth (the key as user name, empty password), as Segment"
                        + " does, or as 'Authorization: Bearer KEY'"));
        for (byte[] key : writeKeys) {
            if (MessageDigest.isEqual(key, given)) {
                return;
            }
        }
        throw new ApiError(401, "unknown write key");
    }

    /** Checks the admin key; 401 otherwise. */
    public void requireAdminKey(String authorization) {
        byte[] given = credential(authorization).orElseThrow(() -> new ApiError(401,
                "missing admin key: send 'Authorization: Bearer ADMIN_KEY'"));
        if (!MessageDigest.isEqual(adminKey, given)) {
            throw new ApiError(401, "wrong admin key");
        }
    }

    private static Optional<byte[]> credential(String authorization) {
        if (authorization == null || authorization.isBlank()) {
            return Optional.empty();
        }
        String value = authorization.strip();
        if (value.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Optional.of(value.substring(7).strip().getBytes(StandardCharsets.UTF_8));
        }
        if (value.regionMatches(true, 0, "Basic ", 0, 6)) {
            try {
                String decoded = new String(Base64.getDecoder().decode(value.substring(6).strip()),
                        StandardCharsets.UTF_8);
                int colon = decoded.indexOf(':');
                return Optional.of((colon < 0 ? decoded : decoded.substring(0, colon)).getBytes(
                        StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }
}
