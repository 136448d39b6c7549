package dev.herald.delivery.sms;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * An SMS a person sent to one of the account's numbers, as Twilio's incoming-message webhook posts it, classified the
 * way Twilio's STOP filtering treats it.
 *
 * <p>Twilio acts on a keyword only when it is the whole message: {@code STOP} opts out, {@code STOP PLEASE} does not.
 * Here case, surrounding spaces and surrounding punctuation are ignored ({@code "Stop."} is {@code STOP}). When a
 * Messaging Service with Advanced Opt-Out handled the message, Twilio says what it did in {@code OptOutType}, and
 * that is taken as given (it covers custom keywords too).
 */
public sealed interface InboundSms {

    /** Opt-out keywords: Twilio's defaults and the Russian {@code СТОП}. */
    Set<String> OPT_OUT_KEYWORDS = Set.of("STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT", "СТОП");

    /** Opt-in keywords: Twilio's defaults. */
    Set<String> OPT_IN_KEYWORDS = Set.of("START", "UNSTOP", "YES");

    /** Help keywords: Twilio's defaults. */
    Set<String> HELP_KEYWORDS = Set.of("HELP", "INFO");

    /** The sender's phone number ({@code From}). */
    String from();

    /** The account's number it was sent to ({@code To}), or {@code ""}. */
    String to();

    /**
     * The person asked to receive nothing more; Twilio already blocks this sender for them (error 21610).
     *
     * @param keyword the keyword as normalised (upper case), or Twilio's {@code OptOutType}
     */
    record OptOut(String from, String to, String keyword) implements InboundSms {
        public OptOut {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
            Objects.requireNonNull(keyword, "keyword");
        }
    }

    /**
     * The person asked to receive messages again.
     *
     * @param keyword the keyword as normalised (upper case), or Twilio's {@code OptOutType}
     */
    record OptIn(String from, String to, String keyword) implements InboundSms {
        public OptIn {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
            Objects.requireNonNull(keyword, "keyword");
        }
    }

    /**
     * The person asked for help; Twilio answers with the help text.
     *
     * @param keyword the keyword as normalised (upper case), or Twilio's {@code OptOutType}
     */
    record Help(String from, String to, String keyword) implements InboundSms {
        public Help {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
            Objects.requireNonNull(keyword, "keyword");
        }
    }

    /** Any other message: a reply to read. */
    record Reply(String from, String to, String body) implements InboundSms {
        public Reply {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
            Objects.requireNonNull(body, "body");
        }
    }

    /**
     * Reads and classifies an incoming-message webhook's parameters.
     *
     * @throws IllegalArgumentException when {@code From} is missing
     */
    static InboundSms parse(Map<String, String> params) {
        String from = params.getOrDefault("From", "").strip();
        if (from.isEmpty()) {
            throw new IllegalArgumentException("an incoming Twilio message without From");
        }
        String to = params.getOrDefault("To", "").strip();
        String body = params.getOrDefault("Body", "");
        String optOutType = params.getOrDefault("OptOutType", "").strip().toUpperCase(Locale.ROOT);
        return switch (optOutType) {
            case "STOP" -> new OptOut(from, to, optOutType);
            case "START" -> new OptIn(from, to, optOutType);
            case "HELP" -> new Help(from, to, optOutType);
            default -> classify(from, to, body);
        };
    }

    /** Classifies a message by its text alone. */
    static InboundSms classify(String from, String to, String body) {
        String keyword = keyword(body);
        if (OPT_OUT_KEYWORDS.contains(keyword)) {
            return new OptOut(from, to, keyword);
        }
        if (OPT_IN_KEYWORDS.contains(keyword)) {
            return new OptIn(from, to, keyword);
        }
        if (HELP_KEYWORDS.contains(keyword)) {
            return new Help(from, to, keyword);
        }
        return new Reply(from, to, body);
    }

    /** The text without surrounding spaces and punctuation, in upper case. */
    private static String keyword(String body) {
        int start = 0;
        int end = body.length();
        while (start < end && !Character.isLetterOrDigit(body.codePointAt(start))) {
            start += Character.charCount(body.codePointAt(start));
        }
        while (end > start && !Character.isLetterOrDigit(body.codePointBefore(end))) {
            end -= Character.charCount(body.codePointBefore(end));
        }
        return body.substring(start, end).toUpperCase(Locale.ROOT);
    }
}
