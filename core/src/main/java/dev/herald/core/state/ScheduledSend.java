package dev.herald.core.state;

import dev.herald.core.decision.Decision;
import dev.herald.core.trigger.MessageKind;
import java.util.Objects;

/** A scheduled message waiting for its send time, with the decision that scheduled it. */
public record ScheduledSend(int trigger, Decision decision, long sendAt) {

    public ScheduledSend {
        Objects.requireNonNull(decision, "decision");
    }

    public String scopeKey() {
        return decision.occurrence().scopeKey();
    }

    public boolean isMarketing() {
        return decision.kind() == MessageKind.MARKETING;
    }
}
