package dev.herald.core.engine;

import dev.herald.core.decision.Action;
import dev.herald.core.decision.Decision;
import dev.herald.core.decision.OutgoingMessage;
import dev.herald.core.decision.QuietHours;
import dev.herald.core.decision.Reason;
import dev.herald.core.decision.Stage;
import dev.herald.core.decision.TraceStep;
import dev.herald.core.decision.UserFacts;
import dev.herald.core.profile.Channel;
import dev.herald.core.profile.Profile;
import dev.herald.core.state.ScheduledSend;
import dev.herald.core.state.SentMessage;
import dev.herald.core.state.UserState;
import dev.herald.core.trigger.TriggerDefinition;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/**
 * Checks a scheduled message again at its send time (the user may have opted out, bounced, changed time zone, or
 * been capped by another message meanwhile) and either sends it, moves it, or cancels it. A message that now falls
 * in the channel's quiet hours moves to the end of the quiet span when the send window allows, else to another of
 * the trigger's channels that is usable and not quiet, else it is cancelled. Exit events cancel earlier, when they
 * happen.
 */
final class SendCheck {

    private final EngineConfig config;

    SendCheck(EngineConfig config) {
        this.config = config;
    }

    /** The outcome for one due message and the state after it; no effect when the message was moved later. */
    record Result(UserState state, Optional<Effect> effect) {}

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
        QuietHours quiet = trigger.quietHours() ? config.quietHours().get(action.channel()) : null;
        ZoneId zone = profile.findZone().orElse(config.defaultZone());
        if (quiet != null && quiet.contains(at, zone)) {
            Instant moved = quiet.endOfSpan(at, zone);
            Instant deadline = decision.occurrence().firedAt().plus(trigger.urgency());
            String where = action.channel() + " at " + at.atZone(zone).toLocalTime() + " " + zone + " is inside quiet "
                    + "hours " + quiet;
            Action instead = moved.isAfter(deadline) ? null : new Action(action.channel(), moved, action.variant());
            String how = "moved to " + moved;
            if (instead == null) {
                Channel fallback = fallback(profile, trigger, at, zone);
                if (fallback == null) {
                    return cancel(without, decision, at, Reason.QUIET_HOURS, where + ", the send window closes at "
                            + deadline + " and no other channel is usable");
                }
                instead = new Action(fallback, at, action.variant());
                how = "the send window closes at " + deadline + "; sending on " + fallback + " instead";
            }
            Decision later = decision.rescheduled(instead, TraceStep.pass(Stage.SEND_CHECK, where + "; " + how));
            return new Result(without.withSend(new ScheduledSend(send.trigger(), later,
                    instead.sendAt().toEpochMilli())), Optional.empty());
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
                UserFacts.of(state.orders(), state.revenue()), decision.occurrence().subject(), trigger.brief(), at);
        return new Result(next, Optional.of(new Effect.Sent(decision, message)));
    }

    /** Another of the trigger's channels that is usable now and not in quiet hours at that time, or null. */
    private Channel fallback(Profile profile, TriggerDefinition trigger, Instant at, ZoneId zone) {
        for (Channel channel : trigger.channels()) {
            QuietHours quiet = config.quietHours().get(channel);
            boolean quietNow = quiet != null && quiet.contains(at, zone);
            if (!quietNow && DecisionPipeline.problem(profile, channel, trigger.isMarketing()) == null) {
                return channel;
            }
        }
        return null;
    }

    private static String addressOf(Profile profile, Action action) {
        return switch (action.channel()) {
            case EMAIL, SMS, PUSH -> profile.contactFor(action.channel()).value();
            case IN_APP, WEBHOOK -> "";
        };
    }

    private static Result cancel(UserState state, Decision decision, Instant at, Reason reason, String detail) {
        return new Result(state,
                Optional.of(new Effect.Cancelled(decision, at, TraceStep.fail(Stage.SEND_CHECK, reason, detail))));
    }
}
