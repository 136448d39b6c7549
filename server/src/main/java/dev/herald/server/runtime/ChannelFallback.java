package dev.herald.server.runtime;

import dev.herald.core.decision.Decision;
import dev.herald.core.decision.OutgoingMessage;
import dev.herald.core.decision.Stage;
import dev.herald.core.decision.TraceStep;
import dev.herald.core.engine.Effect;
import dev.herald.core.profile.Channel;
import dev.herald.core.profile.Profile;
import dev.herald.core.state.UserState;
import dev.herald.core.trigger.MessageKind;
import dev.herald.core.trigger.TriggerDefinition;
import dev.herald.core.trigger.TriggerSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * When a message's contact point fails for good (a hard bounce, an invalid number, an unregistered push token), the
 * same message goes out once more on the trigger's next channel the user can be reached on, written for that
 * channel. The decision's trace says so. Its id is the first message's id followed by the channel, so a repeated
 * report never sends it twice. Works for messages sent since this process started (the dispatcher reports most
 * permanent failures at send time).
 */
public final class ChannelFallback implements Consumer<Dispatcher.InvalidContact> {

    private static final Logger LOG = LoggerFactory.getLogger(ChannelFallback.class);

    private final EffectStore effects;
    private final EngineRunner runner;
    private final TriggerSet triggers;

    public ChannelFallback(EffectStore effects, EngineRunner runner, TriggerSet triggers) {
        this.effects = effects;
        this.runner = runner;
        this.triggers = triggers;
    }

    @Override
    public void accept(Dispatcher.InvalidContact failed) {
        Optional<Effect.Sent> sent = effects.recentlySent(failed.messageId());
        if (sent.isEmpty()) {
            return;
        }
        OutgoingMessage message = sent.get().message();
        Optional<TriggerDefinition> trigger = triggers.find(message.triggerId());
        Optional<Profile> profile = profile(message.userId());
        if (trigger.isEmpty() || profile.isEmpty()) {
            return;
        }
        boolean marketing = message.kind() == MessageKind.MARKETING;
        for (Channel channel : trigger.get().channels()) {
            if (channel == failed.channel() || message.messageId().endsWith("-" + channel.key())
                    || profile.get().problemFor(channel, marketing) != null) {
                continue;
            }
            String address = switch (channel) {
                case EMAIL, SMS, PUSH -> profile.get().contactFor(channel).value();
                case IN_APP, WEBHOOK -> "";
            };
            OutgoingMessage again = new OutgoingMessage(message.messageId() + "-" + channel.key(), message.userId(),
                    message.triggerId(), message.kind(), channel, address, message.variant(), message.locale(),
                    message.firstName(), message.facts(), message.subject(), message.brief(), message.sendAt());
            Decision decision = sent.get().decision().withTraceFollowedBy(List.of(TraceStep.pass(Stage.SEND_CHECK,
                    "fallback to " + channel.key() + ": " + failed.channel().key() + " failed for good ("
                            + failed.reason() + ")")));
            effects.accept(new Effect.Sent(decision, again));
            LOG.info("message {}: {} failed for good; sent again on {}", message.messageId(),
                    failed.channel().key(), channel.key());
            return;
        }
    }

    private Optional<Profile> profile(String userId) {
        try {
            return runner.ask(engine -> engine.find(userId).map(UserState::profile)).get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } catch (ExecutionException | TimeoutException e) {
            LOG.warn("no fallback for a message to {}: the engine did not answer ({})", userId, e.toString());
            return Optional.empty();
        }
    }
}
