package dev.herald.writer.check;

import dev.herald.core.content.MessageContent;
import java.util.ArrayList;
import java.util.List;

/**
 * The length limits of each channel's fields, in characters (Unicode code points) as the user gets them, that is
 * with the placeholders filled in. Every field must hold at least one character that is not white space. An SMS has
 * no length limit of its own: its limit is in segments (see {@link CheckRules}).
 *
 * <p>The checks here cost a few string scans and nothing else: they run again for every user.
 */
public final class ChannelLimits {

    /** The most characters of an email's subject; longer ones are cut off in most inboxes. */
    public static final int EMAIL_SUBJECT = 80;
    /** The most characters of an email's preheader, the preview text after the subject. */
    public static final int EMAIL_PREHEADER = 140;
    /** The most characters of an email's HTML body fragment. */
    public static final int EMAIL_HTML = 20_000;
    /** The most characters of an email's plain-text part. */
    public static final int EMAIL_TEXT = 10_000;
    /** The most characters of an email's call to action (its button label). */
    public static final int EMAIL_CALL_TO_ACTION = 40;
    /** The most characters of a push notification's title. */
    public static final int PUSH_TITLE = 50;
    /** The most characters of a push notification's body. */
    public static final int PUSH_BODY = 150;
    /** The most characters of an in-app message's title. */
    public static final int IN_APP_TITLE = 60;
    /** The most characters of an in-app message's Markdown body. */
    public static final int IN_APP_MARKDOWN = 1_000;
    /** The most characters of an in-app message's call to action (its button label). */
    public static final int IN_APP_CALL_TO_ACTION = 30;

    private ChannelLimits() {}

    /** Complaints ({@code empty}, {@code too_long}) about the content's fields, placeholders filled in. */
    static List<Complaint> check(MessageContent filled) {
        List<Complaint> complaints = new ArrayList<>(0);
        switch (filled) {
            case MessageContent.Email e -> {
                within(complaints, "subject", e.subject(), EMAIL_SUBJECT);
                within(complaints, "preheader", e.preheader(), EMAIL_PREHEADER);
                within(complaints, "html", e.html(), EMAIL_HTML);
                within(complaints, "text", e.text(), EMAIL_TEXT);
                within(complaints, "callToAction", e.callToAction(), EMAIL_CALL_TO_ACTION);
                present(complaints, "url", e.url(), "give the link the button opens");
            }
            case MessageContent.Sms s -> present(complaints, "text", s.text(), "write the SMS");
            case MessageContent.Push p -> {
                within(complaints, "title", p.title(), PUSH_TITLE);
                within(complaints, "body", p.body(), PUSH_BODY);
                present(complaints, "deepLink", p.deepLink(), "give the link the notification opens");
            }
            case MessageContent.InApp a -> {
                within(complaints, "title", a.title(), IN_APP_TITLE);
                within(complaints, "markdown", a.markdown(), IN_APP_MARKDOWN);
                within(complaints, "callToAction", a.callToAction(), IN_APP_CALL_TO_ACTION);
                present(complaints, "url", a.url(), "give the link the button opens");
            }
        }
        return complaints;
    }

    private static void within(List<Complaint> complaints, String field, String value, int max) {
        if (value.isBlank()) {
            complaints.add(new Complaint(field, "empty", field + " is empty; write one of at most " + max
                    + " characters"));
            return;
        }
        int length = value.codePointCount(0, value.length());
        if (length > max) {
            complaints.add(new Complaint(field, "too_long", field + " is " + length
                    + " characters with the placeholders filled in; write at most " + max));
        }
    }

    private static void present(List<Complaint> complaints, String field, String value, String instruction) {
        if (value.isBlank()) {
            complaints.add(new Complaint(field, "empty", field + " is empty; " + instruction));
        }
    }
}
