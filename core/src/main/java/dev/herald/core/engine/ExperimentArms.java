package dev.herald.core.engine;

import dev.herald.core.decision.Action;
import dev.herald.core.experiment.Allocation;
import dev.herald.core.experiment.Assignment;
import dev.herald.core.experiment.Experiment;
import dev.herald.core.experiment.Variant;
import dev.herald.core.policy.PolicyRequest;
import dev.herald.core.profile.Channel;
import dev.herald.core.state.UserState;
import dev.herald.core.util.DurationText;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The experiment step of the decision pipeline: which arm a user is in, and what a variant changes in the policy's
 * choice. Pure, like the pipeline.
 *
 * <p>Implementation notes: a fixed allocation needs no memory, since the hash gives a user the same arm every time.
 * A bandit's weights move, so the arm a user is first given is kept in their state and used from then on (while
 * the experiment still has that arm); the weights a provider gives are floored by the bandit's floor, and a
 * provider that fails or gives the wrong number of weights is replaced by the written weights, which the trace
 * says.
 */
final class ExperimentArms {

    private final EngineConfig config;

    ExperimentArms(EngineConfig config) {
        this.config = config;
    }

    /** A user's arm, the state that remembers it (for a bandit), and how it was found, for the trace. */
    record Arm(Assignment assignment, UserState state, String how) {}

    /** What a variant made of the policy's action, and what it did, for the trace. */
    record Applied(Action action, List<String> changes) {}

    Arm assign(UserState state, Experiment experiment) {
        if (!(experiment.allocation() instanceof Allocation.Bandit bandit)) {
            return new Arm(experiment.assign(state.userId(), experiment.weights()), state, "");
        }
        Optional<Assignment> kept = state.findAssignment(experiment.name()).filter(a -> a.isHoldout()
                ? experiment.holdout() > 0 : experiment.variant(a.variant()).isPresent());
        if (kept.isPresent()) {
            return new Arm(kept.get(), state, "kept from the first assignment");
        }
        String how;
        List<Double> weights;
        try {
            weights = config.allocationWeights().weightsOf(experiment);
            how = "bandit weights";
            if (weights == null || weights.size() != experiment.variants().size()) {
                weights = experiment.weights();
                how = "the bandit gave no usable weights; written weights";
            }
        } catch (RuntimeException e) {
            weights = experiment.weights();
            how = "the bandit's weights failed (" + e.getClass().getSimpleName() + "); written weights";
        }
        List<Double> floored = bandit.floored(weights);
        Assignment assignment = experiment.assign(state.userId(), floored);
        UserState next = state.withAssignment(assignment,
                old -> config.experiments().find(old.experiment()).isEmpty());
        return new Arm(assignment, next, how + " " + shares(floored));
    }

    /**
     * Applies a variant's overrides to the policy's action: its content, its channel when the user can be reached
     * on it (else the policy's channel stays), its delay within the send window and outside quiet hours.
     */
    Applied apply(Variant variant, Action chosen, PolicyRequest request) {
        List<String> changes = new ArrayList<>(3);
        String content = chosen.variant();
        if (variant.content() != null && !variant.content().equals(content)) {
            content = variant.content();
            changes.add("content " + content);
        }
        Channel channel = chosen.channel();
        Instant sendAt = chosen.sendAt();
        Channel forced = variant.channel();
        if (forced != null && forced != channel) {
            if (!request.channels().contains(forced)) {
                changes.add("channel " + forced + " not usable (" + whyNot(forced, request) + "), so the policy's "
                        + channel + " is kept");
            } else {
                Optional<Instant> fitted = request.fit(forced, sendAt);
                if (fitted.isPresent()) {
                    channel = forced;
                    sendAt = fitted.get();
                    changes.add("channel " + forced + (sendAt.equals(chosen.sendAt()) ? "" : " at " + sendAt));
                } else {
                    changes.add("channel " + forced + " has no time outside its quiet hours in the send window, so"
                            + " the policy's " + channel + " is kept");
                }
            }
        }
        if (!variant.delay().isZero()) {
            String delay = "delay " + DurationText.format(variant.delay());
            Instant latest = latestSend(request);
            Instant wish = sendAt.plus(variant.delay());
            Optional<Instant> fitted = request.fit(channel, wish.isAfter(latest) ? latest : wish)
                    .filter(time -> !time.isBefore(chosen.sendAt()));
            if (fitted.isPresent()) {
                String cut = wish.isAfter(latest) ? " (the latest time in the send window)" : "";
                sendAt = fitted.get();
                changes.add(delay + ": " + sendAt + cut);
            } else {
                changes.add(delay + ": no later time outside quiet hours in the send window, so " + sendAt
                        + " is kept");
            }
        }
        return new Applied(new Action(channel, sendAt, content), changes);
    }

    /**
     * The latest time a delayed message is sent: the end of the send window less a tenth of the window (at least a
     * minute), because the message expires at the window's end and a send due exactly then would expire before the
     * dispatcher got to it.
     */
    static Instant latestSend(PolicyRequest request) {
        Duration window = Duration.between(request.windowStart(), request.windowEnd());
        Duration margin = window.dividedBy(10);
        if (margin.compareTo(Duration.ofMinutes(1)) < 0) {
            margin = Duration.ofMinutes(1).compareTo(window) < 0 ? Duration.ofMinutes(1) : Duration.ZERO;
        }
        return request.windowEnd().minus(margin);
    }

    /** Why a channel the variant asks for is not among the usable ones. */
    private static String whyNot(Channel channel, PolicyRequest request) {
        String problem = DecisionPipeline.problem(request.user().profile(), channel, request.trigger().isMarketing());
        return problem != null ? problem : "at its cap";
    }

    private static String shares(List<Double> weights) {
        List<String> texts = new ArrayList<>(weights.size());
        for (double weight : weights) {
            texts.add(String.format(Locale.ROOT, "%.3f", weight));
        }
        return "[" + String.join(", ", texts) + "]";
    }
}
