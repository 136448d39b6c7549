package dev.herald.delivery.http;

import java.net.http.HttpHeaders;
import java.util.Objects;

/** What came of one HTTP request: an answer with any status, none at all, or a request that could not be made. */
public sealed interface HttpOutcome {

    /** The server answered. */
    record Answered(int status, HttpHeaders headers, String body) implements HttpOutcome {

        /** How many characters of a body a reason quotes at most. */
        static final int SNIPPET_LENGTH = 200;

        public Answered {
            Objects.requireNonNull(headers, "headers");
            Objects.requireNonNull(body, "body");
        }

        /** Whether the status is 2xx. */
        public boolean successful() {
            return status >= 200 && status < 300;
        }

        /** Whether the status says to try again later: 429 or any 5xx. */
        public boolean temporary() {
            return status == 429 || status >= 500;
        }

        /** The body on one line and cut to a length fit for a reason or a log. */
        public String snippet() {
            String line = body.strip().replaceAll("\\s+", " ");
            return line.length() <= SNIPPET_LENGTH ? line : line.substring(0, SNIPPET_LENGTH) + "...";
        }
    }

    /**
     * No answer: the connection failed or was cut, or the request timed out.
     *
     * @param reason what went wrong, for example {@code timed out after PT10S}
     */
    record Unanswered(String reason) implements HttpOutcome {
        public Unanswered {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /**
     * The request could not be built, for example because a header value would carry a line break or a character
     * HTTP headers cannot; sending it again will not help.
     */
    record Unsendable(String reason) implements HttpOutcome {
        public Unsendable {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
