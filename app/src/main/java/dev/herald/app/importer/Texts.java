package dev.herald.app.importer;

/** Small helpers for rejection reasons. */
final class Texts {

    private static final int MAX_QUOTED = 60;

    private Texts() {}

    /** A value in double quotes, cut short when long, for a reason such as {@code "abc" is not a number}. */
    static String quote(String value) {
        String shown = value.length() <= MAX_QUOTED ? value : value.substring(0, MAX_QUOTED) + "…";
        return "\"" + shown + "\"";
    }

    /**
     * Whether {@code text[from, to)} equals {@code other}. A plain loop: ids are a few characters long, where it
     * beats {@link String#regionMatches}' vectorised comparison.
     */
    static boolean regionEquals(String text, int from, int to, String other) {
        int length = to - from;
        if (other.length() != length) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            if (text.charAt(from + i) != other.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
