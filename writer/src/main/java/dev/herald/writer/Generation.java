package dev.herald.writer;

import dev.herald.core.content.MessageContent;
import java.util.List;
import java.util.Objects;

/** The outcome of generating content for one key: a checked draft, or why there is none. */
sealed interface Generation {

    /**
     * A draft that passed every check, with its placeholders unfilled.
     *
     * @param attempts 1, or 2 when the first reply was sent back with complaints
     * @param notes what cleaning did to it (removed markup, a derived plain-text part)
     */
    record Ready(MessageContent draft, int attempts, List<String> notes) implements Generation {
        public Ready {
            Objects.requireNonNull(draft, "draft");
            notes = List.copyOf(notes);
        }
    }

    /**
     * No usable draft.
     *
     * @param reason a stable code for metrics and traces: {@code invalid_reply} or a provider failure's kind
     * @param detail what went wrong, in words
     * @param passing whether the failure is the provider's passing state (rate limit, overload, timeout, open
     *     circuit), so the key should be tried again for the next message instead of waiting out the failure TTL
     */
    record Failed(String reason, String detail, boolean passing) implements Generation {
        public Failed {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(detail, "detail");
        }
    }
}
