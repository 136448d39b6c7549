package dev.herald.writer.check;

import dev.herald.core.content.SmsSegments;
import dev.herald.core.trigger.MessageKind;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The SMS rules: a segment limit per message kind, counted with {@link SmsSegments} on the text as sent, and
 * opt-out wording in every marketing SMS.
 */
final class SmsCheck {

    /** Opt-out wording: "STOP" in any case, or the Russian "стоп" or "отпис…" (отписаться, отписка). */
    private static final Pattern OPT_OUT = Pattern.compile("stop|стоп|отпис",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    private static final int GSM_SINGLE = 160;
    private static final int GSM_PART = 153;
    private static final int UCS_SINGLE = 70;
    private static final int UCS_PART = 67;

    private final int marketingSegments;
    private final int transactionalSegments;

    SmsCheck(CheckRules rules) {
        this.marketingSegments = rules.marketingSmsSegments();
        this.transactionalSegments = rules.transactionalSmsSegments();
    }

    /**
     * A {@code too_many_segments} complaint if the text, placeholders filled in, takes more segments than its kind
     * allows. The complaint names the encoding, what forces UCS-2, and how many characters fit.
     */
    Optional<Complaint> segments(String filled, MessageKind kind) {
        int max = switch (kind) {
            case MARKETING -> marketingSegments;
            case TRANSACTIONAL -> transactionalSegments;
        };
        SmsSegments segments = SmsSegments.of(filled);
        if (segments.segments() <= max) {
            return Optional.empty();
        }
        boolean gsm = segments.encoding() == SmsSegments.Encoding.GSM_7;
        int fits = gsm ? (max == 1 ? GSM_SINGLE : GSM_PART * max) : (max == 1 ? UCS_SINGLE : UCS_PART * max);
        String encoding = gsm ? "GSM-7 segments, " + segments.units() + " characters"
                + (segments.units() > filled.length() ? " (each of ^ { } \\ [ ~ ] | € counts as two)" : "")
                : "UCS-2 segments (" + ucs2Cause(filled) + "), " + segments.units() + " characters";
        return Optional.of(new Complaint("text", "too_many_segments", "text takes " + segments.segments() + " "
                + encoding + " with the placeholders filled in; at most " + max + (max == 1 ? " segment" : " segments")
                + " allowed: write at most " + fits + " characters, cut at least " + (segments.units() - fits)));
    }

    /** A {@code no_opt_out} complaint if a marketing SMS has no opt-out wording (placeholders do not count). */
    Optional<Complaint> optOut(String draft, MessageKind kind) {
        if (kind != MessageKind.MARKETING || OPT_OUT.matcher(Placeholders.mask(draft, " ")).find()) {
            return Optional.empty();
        }
        return Optional.of(new Complaint("text", "no_opt_out", "a marketing SMS must say how to opt out; end the"
                + " text with \"Reply STOP to opt out\" (in Russian: \"Отписка: STOP\")"));
    }

    /** Why a text is UCS-2: "Cyrillic" or the first character outside the GSM-7 alphabet. */
    static String ucs2Cause(String text) {
        String first = null;
        for (int i = 0; i < text.length(); i += Character.charCount(text.codePointAt(i))) {
            int codePoint = text.codePointAt(i);
            String character = Character.toString(codePoint);
            if (SmsSegments.isGsm7(character)) {
                continue;
            }
            if (Character.UnicodeScript.of(codePoint) == Character.UnicodeScript.CYRILLIC) {
                return "Cyrillic";
            }
            if (first == null) {
                first = character;
            }
        }
        return first == null ? "no GSM-7 character" : "because of \"" + first + "\"";
    }
}
