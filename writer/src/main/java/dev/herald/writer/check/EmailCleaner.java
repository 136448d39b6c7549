package dev.herald.writer.check;

import dev.herald.core.content.MessageContent;
import java.util.ArrayList;
import java.util.List;

/**
 * Makes an email draft ready to send: sanitised HTML, and a plain-text part that stands on its own.
 *
 * <p>A blank plain-text part is made from the cleaned HTML. One that contains HTML tags draws an
 * {@code html_in_text} complaint. One that does not contain the draft's url gets "call to action: url" appended.
 * Each change is noted.
 */
final class EmailCleaner {

    /**
     * The cleaned email, placeholders still unfilled.
     *
     * @param email the email with cleaned HTML and the plain-text part as it will be sent
     * @param notes what the cleaning did
     * @param complaints what the model must fix
     */
    record Cleaned(MessageContent.Email email, List<String> notes, List<Complaint> complaints) {
        Cleaned {
            notes = List.copyOf(notes);
            complaints = List.copyOf(complaints);
        }
    }

    private final HtmlCleaner htmlCleaner;

    EmailCleaner(HtmlCleaner htmlCleaner) {
        this.htmlCleaner = htmlCleaner;
    }

    Cleaned clean(MessageContent.Email draft) {
        List<String> notes = new ArrayList<>();
        List<Complaint> complaints = new ArrayList<>(0);
        HtmlCleaner.Cleaned html = htmlCleaner.clean(draft.html());
        notes.addAll(html.notes());

        String text = draft.text();
        if (text.isBlank()) {
            text = PlainText.fromHtml(html.html());
            notes.add("plain-text part derived from the HTML");
        } else {
            PlainText.firstTag(text).ifPresent(tag -> complaints.add(new Complaint("text", "html_in_text",
                    "text contains the HTML tag " + tag + "; write the plain-text part as plain text without tags,"
                            + " or leave it empty to have it made from the HTML")));
        }
        String url = draft.url().strip();
        if (!url.isEmpty() && !text.contains(url)) {
            String action = draft.callToAction().isBlank() ? url : draft.callToAction().strip() + ": " + url;
            text = text.isBlank() ? action : text.stripTrailing() + "\n\n" + action;
            notes.add("added \"" + action + "\" to the plain-text part");
        }
        MessageContent.Email email = new MessageContent.Email(draft.subject(), draft.preheader(), html.html(), text,
                draft.callToAction(), draft.url());
        return new Cleaned(email, notes, complaints);
    }
}
