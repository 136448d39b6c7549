package dev.herald.delivery.email;

import jakarta.mail.internet.MimeUtility;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;

/** Puts Herald's message id into the email's headers: the Message-ID and {@code X-Herald-Message-Id}. */
final class MessageIds {

    /** The header that carries Herald's message id as it is. */
    static final String HERALD_HEADER = "X-Herald-Message-Id";

    /** RFC 5322 atext without {@code =}, which escapes the rest. */
    private static final String ATEXT = "!#$%&'*+-/?^_`{|}~";

    private MessageIds() {}

    /**
     * {@code <messageId@domain>}. An id that is not a dot-atom (RFC 5322 {@code id-left}) has its other characters
     * written as {@code =XX} (UTF-8 bytes in hex), so the header stays valid; ids made of letters, digits, dashes,
     * underscores and dots are kept as they are.
     */
    static String header(String messageId, String domain) {
        return "<" + localPart(messageId) + "@" + domain + ">";
    }

    /** The value of {@link #HERALD_HEADER}: the id itself, or RFC 2047-encoded when it is not printable ASCII. */
    static String heraldHeaderValue(String messageId) {
        if (messageId.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            return messageId;
        }
        try {
            return MimeUtility.encodeWord(messageId, "UTF-8", "B");
        } catch (UnsupportedEncodingException e) {
            throw new IllegalStateException("UTF-8 is always supported", e);
        }
    }

    private static String localPart(String messageId) {
        StringBuilder out = new StringBuilder();
        byte[] bytes = messageId.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < bytes.length; i++) {
            int b = bytes[i] & 0xff;
            boolean dotAllowed = b == '.' && i > 0 && i < bytes.length - 1 && bytes[i - 1] != '.';
            if (isAtext(b) || dotAllowed) {
                out.append((char) b);
            } else {
                out.append('=').append(Character.toUpperCase(Character.forDigit(b >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(b & 0xf, 16)));
            }
        }
        return out.isEmpty() ? "=" : out.toString();
    }

    private static boolean isAtext(int b) {
        return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= '0' && b <= '9' || ATEXT.indexOf(b) >= 0;
    }
}
