package dev.herald.app.importer;

/**
 * Makes equal strings share one instance, so that a user or product id repeated on millions of lines is held once.
 * It can look up a range of a line without first copying it out, so a repeated id costs no allocation.
 *
 * <p>An open-addressing hash set (linear probing, at most half full): about 12 bytes per string on top of the
 * string itself, a third of a {@code HashMap}'s. Strings are never removed. Not thread-safe; one importer uses one
 * interner.
 */
public final class Interner {

    private static final int INITIAL_CAPACITY = 1 << 10;

    private String[] strings = new String[INITIAL_CAPACITY];
    private int[] hashes = new int[INITIAL_CAPACITY];
    private int size;

    /** The one instance kept for strings equal to {@code value} (the value itself the first time it is seen). */
    public String intern(String value) {
        return intern(value, 0, value.length());
    }

    /** The one instance kept for strings equal to {@code text.substring(from, to)}, copied out only when new. */
    public String intern(String text, int from, int to) {
        int hash = 0;
        for (int i = from; i < to; i++) {
            hash = 31 * hash + text.charAt(i);
        }
        int mask = strings.length - 1;
        for (int slot = spread(hash) & mask;; slot = (slot + 1) & mask) {
            String kept = strings[slot];
            if (kept == null) {
                String value = from == 0 && to == text.length() ? text : text.substring(from, to);
                strings[slot] = value;
                hashes[slot] = hash;
                if (++size * 2 > strings.length) {
                    grow();
                }
                return value;
            }
            if (hashes[slot] == hash && Texts.regionEquals(text, from, to, kept)) {
                return kept;
            }
        }
    }

    /** How many distinct strings are held. */
    public int size() {
        return size;
    }

    private void grow() {
        String[] oldStrings = strings;
        int[] oldHashes = hashes;
        strings = new String[oldStrings.length * 2];
        hashes = new int[oldStrings.length * 2];
        int mask = strings.length - 1;
        for (int i = 0; i < oldStrings.length; i++) {
            if (oldStrings[i] != null) {
                int slot = spread(oldHashes[i]) & mask;
                while (strings[slot] != null) {
                    slot = (slot + 1) & mask;
                }
                strings[slot] = oldStrings[i];
                hashes[slot] = oldHashes[i];
            }
        }
    }

    /** Mixes the high bits in, since ids that are numbers have similar low bits. */
    private static int spread(int hash) {
        int mixed = hash * 0x9E3779B9;
        return mixed ^ (mixed >>> 16);
    }
}
