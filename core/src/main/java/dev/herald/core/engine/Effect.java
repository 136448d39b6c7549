package dev.herald.core.engine;

import dev.herald.core.decision.Decision;
import dev.herald.core.decision.OutgoingMessage;
import dev.herald.core.decision.TraceStep;
import dev.herald.core.event.Event;
import java.time.Instant;
import java.util.Objects;

/** What the engine asks its shell to do or to record. */
public sealed interface Effect {

    /** A trigger fired and the pipeline decided: a message was scheduled, or suppressed with a reason. */
    record Decided(Decision decision) implements Effect {
        public Decided {
            Objects.requireNonNull(decision, "decision");
        }
    }

    /**
     * A scheduled message passed its send-time checks: write and deliver it now. The decision's trace holds only the
     * steps taken after it was scheduled (a move out of quiet hours, say): its full trace came with
     * {@link Decided}, and the state does not keep it meanwhile.
     */
    record Sent(Decision decision, OutgoingMessage message) implements Effect {
        public Sent {
            Objects.requireNonNull(decision, "decision");
            Objects.requireNonNull(message, "message");
        }
    }

    /**
     * A scheduled message will not be sent; {@code step} says why. As with {@link Sent}, the decision's trace holds
     * only the steps taken after it was scheduled.
     */
    record Cancelled(Decision decision, Instant at, TraceStep step) implements Effect {
        public Cancelled {
            Objects.requireNonNull(decision, "decision");
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(step, "step");
            if (step.passed()) {
                throw new IllegalArgumentException("a cancellation needs a failed step with a reason");
            }
        }
    }

    /**
     * An event arrived after engine time had passed it by more than the allowed lateness. It was not processed; it
     * is reported here so that it is never lost silently.
     *
     * @param watermark engine time when it arrived
     */
    record Late(Event event, Instant watermark) implements Effect {
        public Late {
            Objects.requireNonNull(event, "event");
            Objects.requireNonNull(watermark, "watermark");
        }
    }
}
