package dev.herald.core.content;

import dev.herald.core.decision.Stage;
import dev.herald.core.decision.TraceStep;
import java.util.Objects;

/**
 * A written message and how it came about, for the decision's trace.
 *
 * @param detail what happened in words: the cache key's hit, the model's attempts, or why the template was used
 */
public record Written(MessageContent content, Source source, String detail) {

    /** Where the text came from. */
    public enum Source {
        /** The template writer, by configuration (no provider). */
        TEMPLATE("template"),
        /** A model generated it for this message. */
        GENERATED("generated"),
        /** A generation made for an earlier message with the same content key. */
        CACHED("cached"),
        /** The template writer, because generation failed; the detail says why. */
        FALLBACK("fallback");

        private final String key;

        Source(String key) {
            this.key = key;
        }

        public String key() {
            return key;
        }
    }

    public Written {
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(detail, "detail");
    }

    /** The trace step that records how the message was written. */
    public TraceStep step() {
        return TraceStep.pass(Stage.WRITE, source.key() + (detail.isEmpty() ? "" : ": " + detail));
    }
}
