package dev.herald.bench;

import dev.herald.core.engine.Effect;
import dev.herald.core.engine.Engine;
import dev.herald.core.engine.EngineConfig;
import dev.herald.core.engine.Step;
import dev.herald.core.engine.UserMachine;
import dev.herald.core.event.Event;
import dev.herald.core.event.UserEvent;
import dev.herald.core.state.UserState;
import dev.herald.core.util.DurationText;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Goal 1: events per second through the pure engine, one thread, events parsed beforehand.
 *
 * <p>The log is parsed once per trial and stably sorted by time. Each invocation runs every event through a fresh
 * engine or machine and hands every effect to a blackhole:
 *
 * <ul>
 *   <li>{@code engine}: a fresh {@link Engine} (ordering, wake-up queue, timers firing across users) with the given
 *       lateness. The input is sorted, so a lateness of zero releases each event at once, in the same order as
 *       {@code herald replay}'s default (unbounded: sort the whole file); the setup checks that both give the same
 *       effects, and {@code -p lateness=unbounded} measures the unbounded ordering itself.
 *   <li>{@code machine}: {@link UserMachine#apply(UserState, UserEvent)} alone, with the states in a
 *       {@link HashMap}: the pure step function without ordering or wake-ups (a user's due waits fire only at
 *       their next event, so it does somewhat less work than the engine). Catalog price changes are skipped.
 * </ul>
 *
 * <p>The score to read is the secondary result {@code ·events}: events per second (the primary result is runs
 * of the whole file per second). Build and run from the repository root, with the JDK 25 {@code java}:
 *
 * <pre>
 * ./mvnw -q -pl bench -am package -DskipTests
 * /usr/lib/jvm/temurin-25-jdk-amd64/bin/java -jar bench/target/benchmarks.jar EngineThroughput -f 1 -wi 3 -i 5
 * </pre>
 *
 * <p>Parameters: {@code -p file=timewindow,userslice} (also {@code rees46}), {@code -p policy=seed,random},
 * {@code -p lateness=0s} (a duration such as {@code 1h}, or {@code unbounded}). The Taobao files are read from
 * {@code -Dherald.datasets=DIR} (default {@code ../shared/datasets}, relative to the working directory).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@State(Scope.Benchmark)
public class EngineThroughputBenchmark {

    @Param({"timewindow", "userslice"})
    public String file;

    @Param({"seed", "random"})
    public String policy;

    @Param({"0s"})
    public String lateness;

    private EngineConfig config;
    private UserMachine machine;
    private Event[] events;
    private int userEvents;

    @Setup(Level.Trial)
    public void setUp() {
        Dataset dataset = Dataset.of(file);
        List<Event> inFileOrder = dataset.events();
        List<Event> sorted = new ArrayList<>(inFileOrder);
        sorted.sort(Comparator.comparing(Event::timestamp));
        Duration allowed = lateness.equalsIgnoreCase("unbounded") ? null : DurationText.parse(lateness);
        config = dataset.config(policy, allowed);
        machine = new UserMachine(config);
        events = sorted.toArray(Event[]::new);
        userEvents = (int) sorted.stream().filter(UserEvent.class::isInstance).count();
        checkSameEffects(dataset, inFileOrder);
    }

    /** The engine as benchmarked must decide exactly what {@code herald replay} (unbounded lateness) decides. */
    private void checkSameEffects(Dataset dataset, List<Event> inFileOrder) {
        List<Effect> replayed = new ArrayList<>();
        Engine reference = new Engine(dataset.config(policy, null), replayed::add);
        inFileOrder.forEach(reference::accept);
        reference.flush();
        List<Effect> benchmarked = new ArrayList<>();
        Engine engine = new Engine(config, benchmarked::add);
        for (Event event : events) {
            engine.accept(event);
        }
        engine.flush();
        if (engine.processedCount() != events.length || engine.lateCount() != 0 || !replayed.equals(benchmarked)) {
            throw new IllegalStateException("lateness " + lateness + " does not replay " + file + " like herald "
                    + "replay: processed " + engine.processedCount() + " of " + events.length + ", late "
                    + engine.lateCount() + ", effects " + benchmarked.size() + " against " + replayed.size());
        }
    }

    /** The whole file through a fresh engine. */
    @Benchmark
    public long engine(EventCounters counters, Blackhole blackhole) {
        Engine engine = new Engine(config, blackhole::consume);
        for (Event event : events) {
            engine.accept(event);
        }
        engine.flush();
        counters.events += events.length;
        return engine.processedCount();
    }

    /** The whole file through the pure step function, states in a hash map. */
    @Benchmark
    public int machine(EventCounters counters, Blackhole blackhole) {
        Map<String, UserState> states = new HashMap<>();
        for (Event event : events) {
            if (event instanceof UserEvent user) {
                UserState state = states.get(user.userId());
                if (state == null) {
                    state = machine.fresh(user.userId());
                }
                Step step = machine.apply(state, user);
                for (Effect effect : step.effects()) {
                    blackhole.consume(effect);
                }
                states.put(user.userId(), step.state());
            }
        }
        counters.events += userEvents;
        return states.size();
    }
}
