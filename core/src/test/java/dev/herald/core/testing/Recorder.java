package dev.herald.core.testing;

import dev.herald.core.decision.Decision;
import dev.herald.core.decision.Reason;
import dev.herald.core.engine.Effect;
import dev.herald.core.engine.Engine;
import dev.herald.core.engine.EngineConfig;
import dev.herald.core.event.Event;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** An engine whose effects are kept in a list, with finders for assertions. */
public final class Recorder implements Consumer<Effect> {

    private final List<Effect> effects = new ArrayList<>();
    private final Engine engine;

    public Recorder(EngineConfig config) {
        this.engine = new Engine(config, this);
    }

    @Override
    public void accept(Effect effect) {
        effects.add(effect);
    }

    public Engine engine() {
        return engine;
    }

    /** Feeds events, then moves engine time to {@code until}. */
    public Recorder run(Instant until, Event... events) {
        for (Event event : events) {
            engine.accept(event);
        }
        engine.advanceTo(until);
        return this;
    }

    public List<Effect> effects() {
        return effects;
    }

    public List<Decision> decisions() {
        return effects.stream().filter(Effect.Decided.class::isInstance).map(e -> ((Effect.Decided) e).decision())
                .toList();
    }

    public List<Decision> decisions(String triggerId) {
        return decisions().stream().filter(d -> d.occurrence().triggerId().equals(triggerId)).toList();
    }

    public List<Effect.Sent> sent() {
        return effects.stream().filter(Effect.Sent.class::isInstance).map(Effect.Sent.class::cast).toList();
    }

    public List<Effect.Cancelled> cancelled() {
        return effects.stream().filter(Effect.Cancelled.class::isInstance).map(Effect.Cancelled.class::cast)
                .toList();
    }

    public List<Decision> suppressed(Reason reason) {
        return decisions().stream().filter(d -> d.findReason().filter(reason::equals).isPresent()).toList();
    }
}
