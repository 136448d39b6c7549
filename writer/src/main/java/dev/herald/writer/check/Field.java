package dev.herald.writer.check;

import dev.herald.core.content.MessageContent;
import java.util.List;

/**
 * One field of a draft by the name the model's reply uses, for the checks that look at every field alike.
 *
 * @param name the field's name, for example {@code "subject"}
 * @param value the field's text
 */
record Field(String name, String value) {

    /** Every field of a draft, in the order the channel's record declares them. */
    static List<Field> all(MessageContent content) {
        return switch (content) {
            case MessageContent.Email e -> List.of(new Field("subject", e.subject()),
                    new Field("preheader", e.preheader()), new Field("html", e.html()), new Field("text", e.text()),
                    new Field("callToAction", e.callToAction()), new Field("url", e.url()));
            case MessageContent.Sms s -> List.of(new Field("text", s.text()));
            case MessageContent.Push p -> List.of(new Field("title", p.title()), new Field("body", p.body()),
                    new Field("deepLink", p.deepLink()));
            case MessageContent.InApp a -> List.of(new Field("title", a.title()), new Field("markdown", a.markdown()),
                    new Field("callToAction", a.callToAction()), new Field("url", a.url()));
        };
    }
}
