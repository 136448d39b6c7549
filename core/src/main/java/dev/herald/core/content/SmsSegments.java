package dev.herald.core.content;

import java.util.Objects;

/**
 * How many SMS segments a text takes, and in which encoding (3GPP TS 23.038 and 23.040).
 *
 * <p>A text made only of characters of the GSM 7-bit default alphabet and its extension table is sent as GSM-7: one
 * segment holds 160 septets, a segment of a longer message 153 (the rest is the concatenation header). An extension
 * character ({@code ^ { } \ [ ~ ] | €} and form feed) takes two septets, and an escape and its character are never
 * split between segments. Any other character (Cyrillic, most accented letters, emoji) makes the whole text UCS-2:
 * 70 UTF-16 code units in one segment, 67 per segment when split, and a surrogate pair (an emoji) is never split.
 *
 * @param encoding the encoding the text needs
 * @param units septets (GSM-7) or UTF-16 code units (UCS-2) the text takes
 * @param segments how many segments it is sent in; 0 for an empty text
 */
public record SmsSegments(Encoding encoding, int units, int segments) {

    /** The two encodings an SMS text can be sent in. */
    public enum Encoding {
        GSM_7,
        UCS_2
    }

    /** The GSM 7-bit default alphabet, in code order (0x1B, the escape, stands as a space that never matches). */
    private static final String BASIC = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞ\u00a0ÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
            + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";

    /** The characters of the GSM 7-bit extension table, each sent as an escape and a septet. */
    private static final String EXTENSION = "\f^{}\\[~]|€";

    private static final int GSM_SINGLE = 160;
    private static final int GSM_PART = 153;
    private static final int UCS_SINGLE = 70;
    private static final int UCS_PART = 67;

    public SmsSegments {
        Objects.requireNonNull(encoding, "encoding");
    }

    /** Counts the segments of a text. */
    public static SmsSegments of(String text) {
        Objects.requireNonNull(text, "text");
        return isGsm7(text) ? gsm7(text) : ucs2(text);
    }

    /** Whether every character of the text is in the GSM 7-bit alphabet or its extension table. */
    public static boolean isGsm7(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\u001b' || (BASIC.indexOf(c) < 0 && EXTENSION.indexOf(c) < 0)) {
                return false;
            }
        }
        return true;
    }

    private static SmsSegments gsm7(String text) {
        int septets = 0;
        for (int i = 0; i < text.length(); i++) {
            septets += EXTENSION.indexOf(text.charAt(i)) >= 0 ? 2 : 1;
        }
        if (septets <= GSM_SINGLE) {
            return new SmsSegments(Encoding.GSM_7, septets, septets == 0 ? 0 : 1);
        }
        int segments = 1;
        int used = 0;
        for (int i = 0; i < text.length(); i++) {
            int size = EXTENSION.indexOf(text.charAt(i)) >= 0 ? 2 : 1;
            if (used + size > GSM_PART) {
                segments++;
                used = 0;
            }
            used += size;
        }
        return new SmsSegments(Encoding.GSM_7, septets, segments);
    }

    private static SmsSegments ucs2(String text) {
        int units = text.length();
        if (units <= UCS_SINGLE) {
            return new SmsSegments(Encoding.UCS_2, units, 1);
        }
        int segments = 1;
        int used = 0;
        for (int i = 0; i < text.length(); i++) {
            int size = Character.isHighSurrogate(text.charAt(i)) && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1)) ? 2 : 1;
            if (used + size > UCS_PART) {
                segments++;
                used = 0;
            }
            used += size;
            i += size - 1;
        }
        return new SmsSegments(Encoding.UCS_2, units, segments);
    }
}
