package dev.herald.core.engine;

import dev.herald.core.decision.Action;
import dev.herald.core.decision.Decision;
import dev.herald.core.decision.OutgoingMessage;
import dev.herald.core.decision.Reason;
import dev.herald.core.decision.Stage;
import dev.herald.core.decision.TraceStep;
import dev.herald.core.profile.Profile;
import dev.herald.core.state.ScheduledSend;
import dev.herald.core.state.SentMessage;
import dev.herald.core.state.UserState;
import dev.herald.core.trigger.TriggerDefinition;
import java.time.Instant;
import java.util.List;

/**
 * Checks a scheduled message again at its send time (the user may have opted out, bounced, or been capped by
 * another message meanwhile) and either sends it or cancels it. Exit events cancel earlier, when they happen.
 */
final class SendCheck {

    private final EngineConfig config;

    SendCheck(EngineConfig config) {
        this.config = config;
    }

    /** The outcome for one due message and the state after it. */
    record Result(UserState state, Effect effect) {}

    Result check(UserState state, ScheduledSend send) {
        Decision decision = send.decision();
        Action action = decision.action();
        TriggerDefinition trigger = config.triggers().get(send.trigger());
        UserState without = state.withoutSends(pending -> pending == send);
        Instant at = action.sendAt();
        Profile profile = state.profile();

        String problem = DecisionPipeline.problem(profile, action.channel(), trigger.isMarketing());
        if (problem != null) {
            return cancel(without, decision, at, Reason.CHANNEL_UNUSABLE, action.channel() + ": " + problem);
        }
        if (trigger.isMarketing()) {
            DecisionPipeline.Fatigue fatigue =
                    new DecisionPipeline.Fatigue(config.fatigue(), without, List.of(), send.sendAt());
            String ignored = fatigue.ignoresUs();
            if (ignored != null) {
                return cancel(without, decision, at, Reason.IGNORES_US, ignored);
            }
            if (fatigue.weeklyCount() >= config.fatigue().weeklyCap()) {
                return cancel(without, decision, at, Reason.WEEKLY_CAP, fatigue.weeklyText());
            }
            if (fatigue.notBefore() > send.sendAt()) {
                return cancel(without, decision, at, Reason.MIN_SPACING, fatigue.spacingText());
            }
            int count = fatigue.channelCount(action.channel());
            if (count >= config.fatigue().capFor(action.channel())) {
                return cancel(without, decision, at, Reason.CHANNEL_CAP, action.channel() + " " + count + " of "
                        + config.fatigue().capFor(action.channel()) + " in the last " + config.fatigue().window());
            }
        }
        SentMessage sent = new SentMessage(decision.id(), send.trigger(), action.channel(), trigger.isMarketing(),
                send.sendAt(), 0);
        UserState next = without.withSent(sent, config.historyKeep().toMillis(), 32);
        String locale = profile.locale().isEmpty() ? config.defaultLocale() : profile.locale();
        OutgoingMessage message = new OutgoingMessage(decision.id(), state.userId(), trigger.id(), trigger.kind(),
                action.channel(), addressOf(profile, action), action.variant(), locale, profile.firstName(),
                decision.occurrence().subject(), trigger.brief(), at);
        return new Result(next, new Effect.Sent(decision, message));
    }

    private static String addressOf(Profile profile, Action action) {
        return switch (action.channel()) {
            case EMAIL, SMS, PUSH -> profile.contactFor(action.channel()).value();
            case IN_APP, WEBHOOK -> "";
        };
    }

    private static Result cancel(UserState state, Decision decision, Instant at, Reason reason, String detail) {
        return new Result(state, new Effect.Cancelled(decision, at, TraceStep.fail(Stage.SEND_CHECK, reason, detail)));
    }
}
