package dev.herald.core.decision;

import java.util.Objects;

/**
 * One step of a decision's trace.
 *
 * @param passed whether the step let the message through
 * @param reason the reason when it did not, else {@code null}
 * @param detail what the step saw, in words, for example {@code "4 in the last 7 days (cap 4)"}
 */
public record TraceStep(Stage stage, boolean passed, Reason reason, String detail) {

    public TraceStep {
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(detail, "detail");
        if (passed == (reason != null)) {
            throw new IllegalArgumentException("a step that passed has no reason; one that failed has one");
        }
    }

    public static TraceStep pass(Stage stage, String detail) {
        return new TraceStep(stage, true, null, detail);
    }

    public static TraceStep fail(Stage stage, Reason reason, String detail) {
        return new TraceStep(stage, false, reason, detail);
    }

    @Override
    public String toString() {
        return stage.key() + ": " + (passed ? "pass" : reason.code()) + (detail.isEmpty() ? "" : " (" + detail + ")");
    }
}
