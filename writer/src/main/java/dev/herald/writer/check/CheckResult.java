package dev.herald.writer.check;

import dev.herald.core.content.MessageContent;
import java.util.List;
import java.util.Objects;

/**
 * The outcome of checking a draft.
 *
 * @param draft the cleaned draft, placeholders still unfilled: for email, the sanitised HTML body fragment and a
 *     plain-text part that stands on its own (derived from the HTML if the draft left it blank, the link appended if
 *     it lacked it); other channels as written
 * @param complaints what the model must fix, phrased as instructions; empty if the draft passed
 * @param notes what cleaning changed, for the log ("removed &lt;script&gt;", "removed image from tracker.example",
 *     "plain-text part derived from the HTML"); notes never fail a draft
 */
public record CheckResult(MessageContent draft, List<Complaint> complaints, List<String> notes) {

    public CheckResult {
        Objects.requireNonNull(draft, "draft");
        complaints = List.copyOf(complaints);
        notes = List.copyOf(notes);
    }

    /** Whether the draft may be used: no complaints (notes do not count). */
    public boolean passed() {
        return complaints.isEmpty();
    }
}
