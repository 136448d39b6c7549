package dev.herald.server.runtime;

import dev.herald.core.engine.Engine;
import dev.herald.core.time.EngineClock;
import dev.herald.server.ingest.Incoming;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one thread that owns the engine. It applies stored events in the order they were stored, moves engine time
 * (with the wall clock: every second and whenever a timer falls due; with event time: as events arrive), and runs
 * queries and checkpoints between events, so that nothing else ever touches the engine.
 */
public final class EngineRunner implements AutoCloseable {

    /** How engine time moves. */
    public enum ClockMode {
        /** Engine time is the wall clock: timers fire when they fall due, events or not. */
        WALL,
        /** Engine time follows the events' timestamps: timers fire as event time passes them. */
        EVENT;
    }

    /** Something to do on the engine thread. */
    private sealed interface Command {
        record Apply(List<Incoming> events, long lastSeq) implements Command {}

        record Ask<T>(Function<Engine, T> question, CompletableFuture<T> answer) implements Command {}
    }

    /** Called on the engine thread after events were applied, to checkpoint when it is time to. */
    @FunctionalInterface
    public interface Checkpointer {
        void applied(Engine engine, long lastSeq, Instant wallNow);
    }

    private static final Logger LOG = LoggerFactory.getLogger(EngineRunner.class);
    private static final Duration IDLE = Duration.ofSeconds(1);

    private final Engine engine;
    private final ClockMode mode;
    private final EngineClock wall;
    private final Checkpointer checkpointer;
    private final java.util.function.Consumer<dev.herald.core.event.Event> observer;
    private final BlockingQueue<Command> commands = new LinkedBlockingQueue<>();
    private final Thread thread;
    private volatile boolean running = true;
    private volatile long appliedSeq;
    private volatile Instant engineTime = Instant.EPOCH;

    public EngineRunner(Engine engine, ClockMode mode, EngineClock wall, long appliedSeq,
            Checkpointer checkpointer) {
        this(engine, mode, wall, appliedSeq, checkpointer, event -> {});
    }

    /** @param observer sees every event after the engine took it (on the engine thread, in the engine's order) */
    public EngineRunner(Engine engine, ClockMode mode, EngineClock wall, long appliedSeq, Checkpointer checkpointer,
            java.util.function.Consumer<dev.herald.core.event.Event> observer) {
        this.observer = Objects.requireNonNull(observer, "observer");
        this.engine = Objects.requireNonNull(engine, "engine");
        this.mode = Objects.requireNonNull(mode, "mode");
        this.wall = Objects.requireNonNull(wall, "wall");
        this.checkpointer = Objects.requireNonNull(checkpointer, "checkpointer");
        this.appliedSeq = appliedSeq;
        this.thread = Thread.ofPlatform().name("herald-engine").daemon().unstarted(this::run);
    }

    /** Starts the engine thread. */
    public EngineRunner start() {
        thread.start();
        return this;
    }

    /** Events stored up to {@code lastSeq}, to apply in this order. */
    public void apply(List<Incoming> events, long lastSeq) {
        commands.add(new Command.Apply(List.copyOf(events), lastSeq));
    }

    /** Runs a question on the engine thread, between events. */
    public <T> CompletableFuture<T> ask(Function<Engine, T> question) {
        CompletableFuture<T> answer = new CompletableFuture<>();
        commands.add(new Command.Ask<>(question, answer));
        return answer;
    }

    /**
     * In event-time mode, moves engine time forward to the given time, as if an event of that time had arrived:
     * held events up to it are processed and every timer due by then fires. The time never goes back.
     *
     * @throws IllegalStateException with the wall clock, where time moves by itself
     */
    public CompletableFuture<Instant> advanceTo(Instant time) {
        if (mode != ClockMode.EVENT) {
            throw new IllegalStateException("engine time follows the wall clock (server.clock: wall); it can be"
                    + " moved only in event-time mode");
        }
        return ask(engine -> {
            engine.advanceTo(time);
            return engine.now().orElse(time);
        });
    }

    /** The sequence number of the last stored event the engine has applied. */
    public long appliedSeq() {
        return appliedSeq;
    }

    /**
     * The service's clock: the wall clock live, engine time (the time of the events) in event-time mode, so that
     * delivery, expiry and tracking keep the same time as the engine.
     */
    public Clock serviceClock() {
        if (mode == ClockMode.WALL) {
            return clockOf(wall);
        }
        return new SuppliedClock(() -> engineTime);
    }

    private static Clock clockOf(EngineClock wall) {
        return wall instanceof EngineClock.Wall w ? w.clock() : Clock.systemUTC();
    }

    /** Commands waiting for the engine thread. */
    public int backlog() {
        return commands.size();
    }

    private void run() {
        while (running || !commands.isEmpty()) {
            try {
                Command command = commands.poll(waitMillis(), TimeUnit.MILLISECONDS);
                if (command != null) {
                    execute(command);
                }
                if (mode == ClockMode.WALL) {
                    engine.tick(wall);
                }
                engine.now().ifPresent(now -> engineTime = now);
                checkpointer.applied(engine, appliedSeq, wall.now());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.error("the engine failed on a command; it goes on with the next", e);
            }
        }
    }

    private long waitMillis() {
        if (mode == ClockMode.EVENT) {
            return IDLE.toMillis();
        }
        Optional<Instant> due = engine.nextDue();
        long untilDue = due.map(d -> Duration.between(wall.now(), d).toMillis()).orElse(IDLE.toMillis());
        return Math.max(0, Math.min(untilDue, IDLE.toMillis()));
    }

    private void execute(Command command) {
        switch (command) {
            case Command.Apply apply -> {
                for (Incoming incoming : apply.events()) {
                    engine.accept(incoming.event());
                    observer.accept(incoming.event());
                }
                appliedSeq = apply.lastSeq();
            }
            case Command.Ask<?> ask -> answer(ask);
        }
    }

    private <T> void answer(Command.Ask<T> ask) {
        try {
            ask.answer().complete(ask.question().apply(engine));
        } catch (RuntimeException e) {
            ask.answer().completeExceptionally(e);
        }
    }

    /** Applies what is queued, then stops the thread. */
    @Override
    public void close() {
        running = false;
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
