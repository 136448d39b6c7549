package dev.herald.core.util;

import java.nio.charset.StandardCharsets;

/**
 * The 32- and 64-bit FNV-1a hashes over UTF-8 bytes: stable across processes, machines and languages, unlike
 * {@code String.hashCode} mixed with per-process salts. Used for decision ids and per-decision random seeds.
 */
public final class Fnv1a {

    private static final int OFFSET_32 = 0x811c9dc5;
    private static final int PRIME_32 = 0x01000193;
    private static final long OFFSET_64 = 0xcbf29ce484222325L;
    private static final long PRIME_64 = 0x100000001b3L;

    private Fnv1a() {}

    /** The 32-bit FNV-1a hash of the text's UTF-8 bytes, as an unsigned value in a long. */
    public static long hash32(String text) {
        int hash = OFFSET_32;
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            hash ^= b & 0xff;
            hash *= PRIME_32;
        }
        return Integer.toUnsignedLong(hash);
    }

    /**
     * The 32-bit FNV-1a hash of the text's UTF-16 code units (one step per {@code char}), as an unsigned value in a
     * long: what JavaScript computes over {@code charCodeAt}, so it agrees with {@link #hash32} on ASCII text only.
     */
    public static long hash32OfChars(String text) {
        int hash = OFFSET_32;
        for (int i = 0; i < text.length(); i++) {
            hash ^= text.charAt(i);
            hash *= PRIME_32;
        }
        return Integer.toUnsignedLong(hash);
    }

    /** The 64-bit FNV-1a hash of the text's UTF-8 bytes. */
    public static long hash64(String text) {
        long hash = OFFSET_64;
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            hash ^= b & 0xff;
            hash *= PRIME_64;
        }
        return hash;
    }
}
