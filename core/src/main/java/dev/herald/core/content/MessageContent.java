package dev.herald.core.content;

import java.util.Objects;

/** A message's content, one shape per channel. */
public sealed interface MessageContent {

    /** The text a person reads first, for summaries and logs. */
    String headline();

    /** An email: subject, preheader, HTML and plain-text bodies, and a call to action. */
    record Email(String subject, String preheader, String html, String text, String callToAction, String url)
            implements MessageContent {
        public Email {
            Objects.requireNonNull(subject, "subject");
            Objects.requireNonNull(preheader, "preheader");
            Objects.requireNonNull(html, "html");
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(callToAction, "callToAction");
            Objects.requireNonNull(url, "url");
        }

        @Override
        public String headline() {
            return subject;
        }
    }

    /** An SMS: one text, link included. */
    record Sms(String text) implements MessageContent {
        public Sms {
            Objects.requireNonNull(text, "text");
        }

        @Override
        public String headline() {
            return text;
        }
    }

    /** A push notification: title, body and the deep link it opens. */
    record Push(String title, String body, String deepLink) implements MessageContent {
        public Push {
            Objects.requireNonNull(title, "title");
            Objects.requireNonNull(body, "body");
            Objects.requireNonNull(deepLink, "deepLink");
        }

        @Override
        public String headline() {
            return title;
        }
    }

    /** An in-app inbox message: title, Markdown body and a call to action. */
    record InApp(String title, String markdown, String callToAction, String url) implements MessageContent {
        public InApp {
            Objects.requireNonNull(title, "title");
            Objects.requireNonNull(markdown, "markdown");
            Objects.requireNonNull(callToAction, "callToAction");
            Objects.requireNonNull(url, "url");
        }

        @Override
        public String headline() {
            return title;
        }
    }
}
