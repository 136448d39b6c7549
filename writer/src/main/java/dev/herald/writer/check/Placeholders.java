package dev.herald.writer.check;

import dev.herald.core.content.MessageContent;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code {{name}}} placeholders of a draft: finding them, filling them in and checking that the draft uses only
 * the ones the fact sheet gives.
 *
 * <p>A placeholder is two opening braces, anything but a closing brace, and two closing braces. Its name is what
 * lies between, exactly: {@code {{ first_name }}} is not {@code {{first_name}}}, since the filler would not know it.
 */
final class Placeholders {

    /** Any placeholder; group 1 is its name. */
    static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([^{}]*)\\}\\}");

    private Placeholders() {}

    /** The placeholder names in a text, in order of first use. */
    static Set<String> names(String text) {
        Set<String> names = new LinkedHashSet<>();
        Matcher matcher = PLACEHOLDER.matcher(text);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }

    /** Whether the text starts with a placeholder (a link that does is a trusted value with a suffix). */
    static boolean startsWithPlaceholder(String text) {
        Matcher matcher = PLACEHOLDER.matcher(text.strip());
        return matcher.lookingAt();
    }

    /** The text with each known placeholder replaced by its value; unknown ones stay as written. */
    static String fill(String text, Map<String, String> values) {
        if (text.indexOf("{{") < 0) {
            return text;
        }
        Matcher matcher = PLACEHOLDER.matcher(text);
        StringBuilder filled = new StringBuilder(text.length() + 32);
        while (matcher.find()) {
            String value = values.get(matcher.group(1));
            matcher.appendReplacement(filled, Matcher.quoteReplacement(value == null ? matcher.group() : value));
        }
        matcher.appendTail(filled);
        return filled.toString();
    }

    /** The draft with every known placeholder filled in, as the user will get it. */
    static MessageContent fill(MessageContent draft, Map<String, String> values) {
        return switch (draft) {
            case MessageContent.Email e -> new MessageContent.Email(fill(e.subject(), values),
                    fill(e.preheader(), values), fill(e.html(), values), fill(e.text(), values),
                    fill(e.callToAction(), values), fill(e.url(), values));
            case MessageContent.Sms s -> new MessageContent.Sms(fill(s.text(), values));
            case MessageContent.Push p -> new MessageContent.Push(fill(p.title(), values), fill(p.body(), values),
                    fill(p.deepLink(), values));
            case MessageContent.InApp a -> new MessageContent.InApp(fill(a.title(), values),
                    fill(a.markdown(), values), fill(a.callToAction(), values), fill(a.url(), values));
        };
    }

    /** The text with every placeholder replaced by the given mask. */
    static String mask(String text, String mask) {
        return PLACEHOLDER.matcher(text).replaceAll(Matcher.quoteReplacement(mask));
    }

    /** Complaints ({@code unknown_placeholder}) for each placeholder the fact sheet does not give. */
    static List<Complaint> check(MessageContent draft, Set<String> allowed) {
        List<Complaint> complaints = new ArrayList<>(0);
        for (Field field : Field.all(draft)) {
            for (String name : names(field.value())) {
                if (!allowed.contains(name)) {
                    complaints.add(new Complaint(field.name(), "unknown_placeholder", field.name() + " uses {{"
                            + name + "}}, which is not given; " + useOnly(allowed)));
                }
            }
        }
        return complaints;
    }

    /** "use only {{a}}, {{b}}" or "use no placeholders", for complaint messages. */
    static String useOnly(Set<String> allowed) {
        return allowed.isEmpty() ? "use no placeholders" : "use only " + list(allowed);
    }

    /** The names written as placeholders, sorted: "{{a}}, {{b}}". */
    static String list(Set<String> names) {
        StringBuilder list = new StringBuilder();
        for (String name : new TreeSet<>(names)) {
            list.append(list.isEmpty() ? "" : ", ").append("{{").append(name).append("}}");
        }
        return list.toString();
    }
}
