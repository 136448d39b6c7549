package dev.herald.core.decision;

import dev.herald.core.experiment.Assignment;
import dev.herald.core.trigger.MessageKind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The record of one decision: a trigger occurrence for a user, whether a message was scheduled, on which channel,
 * when and with which variant, the probability the policy had of choosing that, and a trace of every step.
 *
 * @param id the decision's id, which is also the id of the message it schedules; stable across replays
 * @param reason why it was suppressed; {@code null} when scheduled
 * @param action what was scheduled; {@code null} when suppressed
 * @param propensity the probability of the chosen action under the policy; 0 when suppressed
 * @param policy the policy's name, {@code ""} when no policy was asked
 * @param assignment the experiment arm the user was in when the decision was made (a holdout's decision is
 *     suppressed with {@link Reason#HOLDOUT}); {@code null} when no experiment ran on the trigger, or the decision
 *     ended before the user would have got a message
 */
public record Decision(
        String id,
        String userId,
        Occurrence occurrence,
        MessageKind kind,
        int priority,
        Reason reason,
        Action action,
        double propensity,
        String policy,
        String policyVersion,
        List<TraceStep> trace,
        Assignment assignment) {

    public Decision {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(occurrence, "occurrence");
        Objects.requireNonNull(kind, "kind");
        if ((reason == null) == (action == null)) {
            throw new IllegalArgumentException("a decision either schedules an action or names a reason");
        }
        if (reason == Reason.HOLDOUT && (assignment == null || !assignment.isHoldout())) {
            throw new IllegalArgumentException("a decision suppressed for a holdout names the holdout it is in");
        }
        policy = Objects.requireNonNullElse(policy, "");
        policyVersion = Objects.requireNonNullElse(policyVersion, "");
        trace = List.copyOf(trace);
    }

    /** A decision outside any experiment. */
    public Decision(String id, String userId, Occurrence occurrence, MessageKind kind, int priority, Reason reason,
            Action action, double propensity, String policy, String policyVersion, List<TraceStep> trace) {
        this(id, userId, occurrence, kind, priority, reason, action, propensity, policy, policyVersion, trace, null);
    }

    /** Whether a message was scheduled. */
    public boolean isScheduled() {
        return action != null;
    }

    public Optional<Action> findAction() {
        return Optional.ofNullable(action);
    }

    public Optional<Reason> findReason() {
        return Optional.ofNullable(reason);
    }

    /** The experiment arm the user was in, when an experiment ran on the trigger. */
    public Optional<Assignment> findAssignment() {
        return Optional.ofNullable(assignment);
    }

    /**
     * A copy whose action is moved (for example out of quiet hours at send time), with the step that moved it added
     * to the trace.
     *
     * @throws IllegalStateException when the decision scheduled nothing
     */
    public Decision rescheduled(Action moved, TraceStep step) {
        if (action == null) {
            throw new IllegalStateException("decision " + id + " was suppressed; there is nothing to reschedule");
        }
        List<TraceStep> steps = new ArrayList<>(trace);
        steps.add(step);
        return new Decision(id, userId, occurrence, kind, priority, null, moved, propensity, policy, policyVersion,
                steps, assignment);
    }

    /**
     * A copy without its trace: what a scheduled message keeps in the user's state while it waits. The full trace
     * went out with the decision when it was made; the steps taken at send time are added to this copy.
     */
    public Decision withoutTrace() {
        return trace.isEmpty() ? this : new Decision(id, userId, occurrence, kind, priority, reason, action,
                propensity, policy, policyVersion, List.of(), assignment);
    }

    /** A copy whose trace continues with the given steps (a slim decision's send-time steps after its full trace). */
    public Decision withTraceFollowedBy(List<TraceStep> later) {
        List<TraceStep> steps = new ArrayList<>(trace);
        steps.addAll(later);
        return new Decision(id, userId, occurrence, kind, priority, reason, action, propensity, policy,
                policyVersion, steps, assignment);
    }

    /** When the decision was made: when its trigger fired. */
    public Instant decidedAt() {
        return occurrence.firedAt();
    }
}
