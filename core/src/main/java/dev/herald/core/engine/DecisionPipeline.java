package dev.herald.core.engine;

import dev.herald.core.decision.Action;
import dev.herald.core.decision.Decision;
import dev.herald.core.decision.FatigueRules;
import dev.herald.core.decision.Occurrence;
import dev.herald.core.decision.QuietHours;
import dev.herald.core.decision.Reason;
import dev.herald.core.decision.Stage;
import dev.herald.core.decision.TraceStep;
import dev.herald.core.experiment.Assignment;
import dev.herald.core.experiment.Experiment;
import dev.herald.core.experiment.Variant;
import dev.herald.core.policy.PolicyChoice;
import dev.herald.core.policy.PolicyRequest;
import dev.herald.core.profile.Channel;
import dev.herald.core.profile.Profile;
import dev.herald.core.state.FiredMark;
import dev.herald.core.state.ScheduledSend;
import dev.herald.core.state.SentMessage;
import dev.herald.core.state.Times;
import dev.herald.core.state.UserState;
import dev.herald.core.trigger.Reentry;
import dev.herald.core.trigger.TriggerDefinition;
import dev.herald.core.util.DurationText;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Decides what to do about one trigger occurrence, in a fixed order, recording each step in the decision's trace:
 * eligibility (re-entry, channels with a usable contact point and consent, collisions with other scheduled
 * messages by priority), then fatigue (marketing only: "ignores us", the weekly cap, minimum spacing, channel
 * caps), then the policy (channel, send time, variant), then the experiment running on the trigger, if any (the
 * user's arm: the holdout gets no message, a variant's overrides change the policy's choice), then the schedule.
 * Pure: it reads the state and returns a new one.
 *
 * <p>The experiment step comes after every check and after the policy, at the moment the user would get a message:
 * so the holdout and each variant are made of users in the same situation, and a user's arm is recorded (exposed)
 * only then.
 */
final class DecisionPipeline {

    private final EngineConfig config;
    private final ExperimentArms arms;

    DecisionPipeline(EngineConfig config) {
        this.config = config;
        this.arms = new ExperimentArms(config);
    }

    /** A decision and the state after it, with messages it pre-empted. */
    record Result(UserState state, Decision decision, List<ScheduledSend> preempted) {}

    Result decide(UserState state, int triggerIndex, Occurrence occurrence) {
        TriggerDefinition trigger = config.triggers().get(triggerIndex);
        long now = occurrence.firedAt().toEpochMilli();
        String id = Ids.decision(state.userId(), trigger.id(), occurrence.scopeKey(), now);
        Draft draft = new Draft(id, state, trigger, occurrence);

        String duplicate = duplicate(state, triggerIndex, trigger, occurrence.scopeKey(), now);
        if (duplicate != null) {
            return draft.suppress(Stage.ELIGIBILITY, Reason.DUPLICATE, duplicate);
        }
        List<Channel> channels = new ArrayList<>();
        List<String> excluded = new ArrayList<>();
        reachable(state.profile(), trigger, channels, excluded);
        if (channels.isEmpty()) {
            return draft.suppress(Stage.ELIGIBILITY, Reason.NO_REACHABLE_CHANNEL, String.join("; ", excluded));
        }
        List<ScheduledSend> preempted = new ArrayList<>();
        if (trigger.isMarketing()) {
            for (ScheduledSend pending : state.sends()) {
                if (!pending.isMarketing()) {
                    continue;
                }
                if (pending.decision().priority() >= trigger.priority()) {
                    return draft.suppress(Stage.ELIGIBILITY, Reason.LOWER_PRIORITY,
                            pending.decision().occurrence().triggerId() + " (priority "
                                    + pending.decision().priority() + ") is scheduled for "
                                    + Instant.ofEpochMilli(pending.sendAt()));
                }
                preempted.add(pending);
            }
        }
        draft.pass(Stage.ELIGIBILITY, "channels " + names(channels)
                + (excluded.isEmpty() ? "" : "; not " + String.join("; ", excluded))
                + (preempted.isEmpty() ? "" : "; pre-empts " + triggers(preempted)));

        Instant windowStart = occurrence.firedAt();
        Instant windowEnd = occurrence.firedAt().plus(trigger.urgency());
        if (trigger.isMarketing()) {
            Fatigue fatigue = new Fatigue(config.fatigue(), state, preempted, now);
            String ignored = fatigue.ignoresUs();
            if (ignored != null) {
                return draft.suppress(Stage.FATIGUE, Reason.IGNORES_US, ignored);
            }
            if (fatigue.weeklyCount() >= config.fatigue().weeklyCap()) {
                return draft.suppress(Stage.FATIGUE, Reason.WEEKLY_CAP, fatigue.weeklyText());
            }
            long notBefore = fatigue.notBefore();
            if (notBefore > windowEnd.toEpochMilli()) {
                return draft.suppress(Stage.FATIGUE, Reason.MIN_SPACING, fatigue.spacingText()
                        + "; the send window closes at " + windowEnd);
            }
            if (notBefore > now) {
                windowStart = Instant.ofEpochMilli(notBefore);
            }
            List<String> capped = new ArrayList<>();
            channels.removeIf(channel -> {
                int count = fatigue.channelCount(channel);
                boolean full = count >= config.fatigue().capFor(channel);
                if (full) {
                    capped.add(channel + " " + count + " of " + config.fatigue().capFor(channel));
                }
                return full;
            });
            if (channels.isEmpty()) {
                return draft.suppress(Stage.FATIGUE, Reason.CHANNEL_CAP, "every eligible channel is at its cap: "
                        + String.join(", ", capped));
            }
            draft.pass(Stage.FATIGUE, fatigue.weeklyText()
                    + (notBefore > now ? "; " + fatigue.spacingText() + ", so not before " + windowStart : "")
                    + (capped.isEmpty() ? "" : "; capped: " + String.join(", ", capped)));
        } else {
            draft.pass(Stage.FATIGUE, "transactional: frequency caps do not apply");
        }

        ZoneId zone = state.profile().findZone().orElse(config.defaultZone());
        Map<Channel, QuietHours> quiet = trigger.quietHours() ? config.quietHours() : Map.of();
        PolicyRequest request = new PolicyRequest(id, trigger, occurrence, state, channels, windowStart, windowEnd,
                zone, quiet, Ids.seed(config.seed(), id));
        PolicyChoice choice = config.policy().choose(request);
        return switch (choice) {
            case PolicyChoice.Declined declined ->
                    draft.suppress(Stage.POLICY, declined.reason(), policyName() + ": " + declined.explanation());
            case PolicyChoice.Chosen chosen -> {
                draft.pass(Stage.POLICY, policyName() + ": " + chosen.explanation() + "; propensity "
                        + chosen.propensity());
                Optional<Experiment> experiment = config.experiments().running(trigger.id(), occurrence.firedAt());
                if (experiment.isEmpty()) {
                    yield draft.schedule(triggerIndex, chosen.action(), chosen.propensity(), preempted, config, state,
                            null);
                }
                yield experiment(draft, experiment.get(), triggerIndex, chosen, request, preempted);
            }
        };
    }

    /** The experiment step: the holdout's decision ends here; a variant's overrides apply to the policy's action. */
    private Result experiment(Draft draft, Experiment experiment, int triggerIndex, PolicyChoice.Chosen chosen,
            PolicyRequest request, List<ScheduledSend> preempted) {
        ExperimentArms.Arm arm = arms.assign(request.user(), experiment);
        Assignment assignment = arm.assignment();
        String how = arm.how().isEmpty() ? "" : "; " + arm.how();
        String share = String.format(Locale.ROOT, "%.1f%%", 100 * experiment.plannedShare(assignment.variant()));
        if (assignment.isHoldout()) {
            return draft.holdout(triggerIndex, assignment, "experiment " + experiment.name() + ": holdout ("
                    + share + " of users get no message)" + how, arm.state(), config);
        }
        Variant variant = experiment.variant(assignment.variant()).orElseThrow();
        ExperimentArms.Applied applied = arms.apply(variant, chosen.action(), request);
        draft.pass(Stage.EXPERIMENT, "experiment " + experiment.name() + ": variant " + variant.name() + " ("
                + experiment.role(variant.name()).key() + ", " + share + " planned)" + how
                + (applied.changes().isEmpty() ? "; the policy's choice stands"
                        : "; " + String.join("; ", applied.changes())));
        return draft.schedule(triggerIndex, applied.action(), chosen.propensity(), preempted, config, arm.state(),
                assignment);
    }

    private String policyName() {
        return config.policy().name() + " v" + config.policy().version();
    }

    /** A reason the re-entry rule forbids another message for this scope, or null. */
    private static String duplicate(UserState state, int triggerIndex, TriggerDefinition trigger, String scopeKey,
            long now) {
        long memory = trigger.reentry().memory().toMillis();
        for (FiredMark mark : state.fired()) {
            if (mark.trigger() == triggerIndex && mark.scopeKey().equals(scopeKey)
                    && Times.within(mark.at(), now, memory)) {
                String rule = switch (trigger.reentry()) {
                    case Reentry.Once once -> "once per " + trigger.scope().name().toLowerCase(Locale.ROOT);
                    case Reentry.Cooldown cooldown -> "at most once per "
                            + DurationText.format(cooldown.period());
                    case Reentry.Always always -> "always";
                };
                return "already scheduled for " + scopeKey + " at " + Instant.ofEpochMilli(mark.at()) + " (" + rule
                        + ")";
            }
        }
        return null;
    }

    /** Splits the trigger's channels into those with a usable contact point (and consent) and the others. */
    static void reachable(Profile profile, TriggerDefinition trigger, List<Channel> usable, List<String> excluded) {
        for (Channel channel : trigger.channels()) {
            String problem = problem(profile, channel, trigger.isMarketing());
            if (problem == null) {
                usable.add(channel);
            } else {
                excluded.add(channel + ": " + problem);
            }
        }
    }

    /** Why a channel cannot be used for this user now, or null when it can. */
    static String problem(Profile profile, Channel channel, boolean marketing) {
        return profile.problemFor(channel, marketing);
    }

    private static String names(List<Channel> channels) {
        List<String> names = new ArrayList<>();
        channels.forEach(channel -> names.add(channel.key()));
        return String.join(", ", names);
    }

    private static String triggers(List<ScheduledSend> sends) {
        Set<String> ids = new HashSet<>();
        sends.forEach(send -> ids.add(send.decision().occurrence().triggerId()));
        return String.join(", ", ids.stream().sorted().toList());
    }

    /** The decision under construction: its trace so far, and how it ends. */
    private final class Draft {
        private final String id;
        private final UserState state;
        private final TriggerDefinition trigger;
        private final Occurrence occurrence;
        private final List<TraceStep> trace = new ArrayList<>(5);

        Draft(String id, UserState state, TriggerDefinition trigger, Occurrence occurrence) {
            this.id = id;
            this.state = state;
            this.trigger = trigger;
            this.occurrence = occurrence;
        }

        void pass(Stage stage, String detail) {
            trace.add(TraceStep.pass(stage, detail));
        }

        Result suppress(Stage stage, Reason reason, String detail) {
            trace.add(TraceStep.fail(stage, reason, detail));
            boolean askedPolicy = stage == Stage.POLICY;
            Decision decision = new Decision(id, state.userId(), occurrence, trigger.kind(), trigger.priority(),
                    reason, null, 0, askedPolicy ? config.policy().name() : "",
                    askedPolicy ? config.policy().version() : "", trace);
            return new Result(state, decision, List.of());
        }

        /**
         * The holdout's decision: no message, and the re-entry mark a message would have left, so that re-entry
         * rules treat the holdout as the variants. Scheduled messages of lower priority are not pre-empted: without
         * this message they would have gone out.
         */
        Result holdout(int triggerIndex, Assignment assignment, String detail, UserState base, EngineConfig engine) {
            trace.add(TraceStep.fail(Stage.EXPERIMENT, Reason.HOLDOUT, detail));
            Decision decision = new Decision(id, base.userId(), occurrence, trigger.kind(), trigger.priority(),
                    Reason.HOLDOUT, null, 0, engine.policy().name(), engine.policy().version(), trace, assignment);
            return new Result(fired(base, triggerIndex, engine), decision, List.of());
        }

        Result schedule(int triggerIndex, Action action, double propensity, List<ScheduledSend> preempted,
                EngineConfig engine, UserState base, Assignment assignment) {
            trace.add(TraceStep.pass(Stage.SCHEDULE, action.channel() + " at " + action.sendAt() + ", variant "
                    + action.variant()));
            Decision decision = new Decision(id, base.userId(), occurrence, trigger.kind(), trigger.priority(),
                    null, action, propensity, engine.policy().name(), engine.policy().version(), trace, assignment);
            UserState next = fired(base.withoutSends(preempted::contains)
                    .withSend(new ScheduledSend(triggerIndex, decision.withoutTrace(),
                            action.sendAt().toEpochMilli())),
                    triggerIndex, engine);
            return new Result(next, decision, preempted);
        }

        private UserState fired(UserState base, int triggerIndex, EngineConfig engine) {
            long now = occurrence.firedAt().toEpochMilli();
            return base.withFired(new FiredMark(triggerIndex, occurrence.scopeKey(), now),
                    mark -> !Times.within(mark.at(), now,
                            engine.triggers().get(mark.trigger()).reentry().memory().toMillis()));
        }
    }

    /** Counts what the fatigue rules look at, for one user at one time. */
    static final class Fatigue {
        private final FatigueRules rules;
        private final List<SentMessage> recentMarketing = new ArrayList<>();
        private final List<ScheduledSend> pendingMarketing = new ArrayList<>();
        private int received;
        private int opened;
        private int clicked;
        private long last = Times.NEVER;

        Fatigue(FatigueRules rules, UserState state, List<ScheduledSend> excluded, long now) {
            this.rules = rules;
            long window = rules.window().toMillis();
            for (SentMessage message : state.sent()) {
                if (!Times.within(message.sentAt(), now, window)) {
                    continue;
                }
                received++;
                opened += message.opened() ? 1 : 0;
                clicked += message.clicked() ? 1 : 0;
                if (message.marketing()) {
                    recentMarketing.add(message);
                    last = Math.max(last, message.sentAt());
                }
            }
            for (ScheduledSend send : state.sends()) {
                if (send.isMarketing() && !excluded.contains(send)) {
                    pendingMarketing.add(send);
                    last = Math.max(last, send.sendAt());
                }
            }
        }

        String ignoresUs() {
            if (rules.ignoreAfter() > 0 && received >= rules.ignoreAfter() && opened == 0 && clicked == 0) {
                return received + " received in the last " + days() + ", none opened or clicked";
            }
            return null;
        }

        int weeklyCount() {
            return recentMarketing.size() + pendingMarketing.size();
        }

        String weeklyText() {
            return recentMarketing.size() + " sent" + (pendingMarketing.isEmpty() ? ""
                    : " and " + pendingMarketing.size() + " scheduled") + " in the last " + days() + " (cap "
                    + rules.weeklyCap() + ")";
        }

        long notBefore() {
            return last == Times.NEVER ? Times.NEVER : last + rules.minSpacing().toMillis();
        }

        String spacingText() {
            return "last marketing message at " + Instant.ofEpochMilli(last) + ", "
                    + DurationText.format(rules.minSpacing()) + " apart needed";
        }

        int channelCount(Channel channel) {
            int count = 0;
            for (SentMessage message : recentMarketing) {
                count += message.channel() == channel ? 1 : 0;
            }
            for (ScheduledSend send : pendingMarketing) {
                count += send.decision().action().channel() == channel ? 1 : 0;
            }
            return count;
        }

        private String days() {
            return DurationText.format(rules.window());
        }
    }
}
