package dev.herald.core.state.codec;

import dev.herald.core.decision.Action;
import dev.herald.core.decision.Decision;
import dev.herald.core.decision.Occurrence;
import dev.herald.core.decision.Reason;
import dev.herald.core.decision.Stage;
import dev.herald.core.decision.TraceStep;
import dev.herald.core.experiment.Assignment;
import dev.herald.core.trigger.MessageKind;
import java.io.IOException;
import java.util.List;

/**
 * Writes and reads a {@link Decision}: its occurrence, its action or reason, its policy, its experiment arm (from
 * format version 2) and its trace.
 */
final class DecisionCodec {

    private static final int MAX_TRACE = 1 << 16;

    private DecisionCodec() {}

    static void write(Decision decision, SnapshotOutput out) throws IOException {
        out.string(decision.id());
        out.shared(decision.userId());
        Occurrence occurrence = decision.occurrence();
        out.shared(occurrence.triggerId());
        out.shared(occurrence.scopeKey());
        out.instant(occurrence.anchor());
        out.instant(occurrence.firedAt());
        Parts.subject(occurrence.subject(), out);
        out.u8(Codes.of(decision.kind()));
        out.integer(decision.priority());
        out.u8(decision.reason() == null ? 0 : Codes.of(decision.reason()));
        Action action = decision.action();
        out.bool(action != null);
        if (action != null) {
            out.u8(Codes.of(action.channel()));
            out.instant(action.sendAt());
            out.shared(action.variant());
        }
        out.float64(decision.propensity());
        out.shared(decision.policy());
        out.shared(decision.policyVersion());
        Assignment assignment = decision.assignment();
        out.bool(assignment != null);
        if (assignment != null) {
            out.shared(assignment.experiment());
            out.shared(assignment.variant());
        }
        out.count(decision.trace().size());
        for (TraceStep step : decision.trace()) {
            out.u8(Codes.of(step.stage()));
            out.bool(step.passed());
            out.u8(step.reason() == null ? 0 : Codes.of(step.reason()));
            out.shared(step.detail());
        }
    }

    static Decision read(SnapshotInput in) throws IOException {
        in.enter("decision");
        String id = in.string("id");
        in.detail(id);
        String userId = in.shared("userId");
        in.enter("occurrence");
        Occurrence occurrence = new Occurrence(in.shared("triggerId"), in.shared("scopeKey"), in.instant("anchor"),
                in.instant("firedAt"), Parts.subject(in));
        in.leave();
        MessageKind kind = Codes.kind(in.u8("kind"), in, "kind");
        int priority = in.integer("priority");
        int reasonCode = in.u8("reason");
        Reason reason = reasonCode == 0 ? null : Codes.reason(reasonCode, in, "reason");
        Action action = null;
        if (in.bool("action")) {
            in.enter("action");
            action = new Action(Codes.channel(in.u8("channel"), in, "channel"), in.instant("sendAt"),
                    in.shared("variant"));
            in.leave();
        }
        double propensity = in.float64("propensity");
        String policy = in.shared("policy");
        String policyVersion = in.shared("policyVersion");
        Assignment assignment = null;
        if (in.version() >= 2 && in.bool("assignment")) {
            in.enter("assignment");
            assignment = new Assignment(in.shared("experiment"), in.shared("variant"));
            in.leave();
        }
        int steps = in.count("trace", MAX_TRACE);
        List<TraceStep> trace = SnapshotInput.listFor(steps);
        in.enter("trace");
        for (int i = 0; i < steps; i++) {
            in.at(i);
            Stage stage = Codes.stage(in.u8("stage"), in, "stage");
            boolean passed = in.bool("passed");
            int stepReason = in.u8("reason");
            trace.add(new TraceStep(stage, passed, stepReason == 0 ? null : Codes.reason(stepReason, in, "reason"),
                    in.shared("detail")));
        }
        in.leave();
        Decision decision = new Decision(id, userId, occurrence, kind, priority, reason, action, propensity, policy,
                policyVersion, trace, assignment);
        in.leave();
        return decision;
    }
}
