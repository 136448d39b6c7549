package dev.herald.bench;

import dev.herald.app.Main;
import dev.herald.app.importer.EventImporter;
import dev.herald.app.importer.ImportRecord;
import dev.herald.app.importer.InputFiles;
import dev.herald.core.decision.Decision;
import dev.herald.core.engine.Effect;
import dev.herald.core.engine.Engine;
import dev.herald.core.engine.EngineConfig;
import dev.herald.core.event.Event;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
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
 * Goal 2: {@code herald replay} end to end, parsing included, in a warmed-up JVM. Each invocation reads the
 * gzip-compressed file from disk:
 *
 * <ul>
 *   <li>{@code pipeline}: what {@code Replay.run} does: {@code InputFiles.open}, the format's importer, a fresh
 *       {@link Engine} with unbounded lateness (the whole file is sorted by time, then processed, as the command's
 *       default), and the events and effects counted by type, trigger, channel and reason (the engine
 *       configuration and trigger file are built once per trial).
 *   <li>{@code command}: the real command, {@code herald replay --format F FILE --time-zone Z --policy P
 *       --no-progress}, through {@code Main.commandLine()} with its output thrown away: it also loads the trigger
 *       file, keeps the command's own summary and renders it.
 * </ul>
 *
 * <p>The score to read is the secondary result {@code ·events}: events (lines read) per second. Build and run
 * from the repository root, with the JDK 25 {@code java}:
 *
 * <pre>
 * ./mvnw -q -pl bench -am package -DskipTests
 * /usr/lib/jvm/temurin-25-jdk-amd64/bin/java -jar bench/target/benchmarks.jar ReplayBenchmark -f 1 -wi 3 -i 5
 * </pre>
 *
 * <p>Parameters: {@code -p file=timewindow,userslice,rees46}, {@code -p policy=seed} (or {@code random}). The
 * Taobao files are read from {@code -Dherald.datasets=DIR} (default {@code ../shared/datasets}), the REES46 sample
 * from {@code -Dherald.samples=DIR} (default {@code samples}), both relative to the working directory.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 4)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@State(Scope.Benchmark)
public class ReplayBenchmark {

    @Param({"timewindow", "userslice", "rees46"})
    public String file;

    @Param({"seed"})
    public String policy;

    private Dataset dataset;
    private Path path;
    private EngineConfig config;
    private long lines;
    private String[] commandLine;

    @Setup(Level.Trial)
    public void setUp() {
        dataset = Dataset.of(file);
        path = dataset.file();
        config = dataset.config(policy, null);
        long[] parsed = new long[1];
        long rejected = dataset.read(event -> parsed[0]++);
        lines = parsed[0] + rejected;
        commandLine = new String[] {"replay", "--format", dataset.format().key(), path.toString(), "--time-zone",
                dataset.zone().getId(), "--policy", policy, "--no-progress"};
    }

    /** Importer, engine and counting, as {@code Replay.run} does them. */
    @Benchmark
    public Tally pipeline(EventCounters counters) throws IOException {
        Tally tally = new Tally();
        Engine engine = new Engine(config, tally::effect);
        EventImporter importer = dataset.format().importer();
        try (InputStream in = InputFiles.open(path)) {
            importer.read(path.getFileName().toString(), in, record -> {
                switch (record) {
                    case ImportRecord.Parsed parsed -> {
                        tally.event(parsed.event());
                        engine.accept(parsed.event());
                    }
                    case ImportRecord.Rejected rejected -> tally.rejected++;
                }
            });
        }
        engine.flush();
        tally.users = engine.userCount();
        counters.events += tally.events + tally.rejected;
        return tally;
    }

    /** The {@code herald replay} command itself, output discarded. */
    @Benchmark
    public int command(EventCounters counters, Blackhole blackhole) {
        int exit = Main.commandLine().setOut(new PrintWriter(Writer.nullWriter())).execute(commandLine);
        if (exit != 0) {
            throw new IllegalStateException("herald " + String.join(" ", commandLine) + " exited with " + exit);
        }
        counters.events += lines;
        blackhole.consume(exit);
        return exit;
    }

    /** The counts a replay summary keeps, by the same kind of maps. */
    public static final class Tally {
        private final Map<String, Long> eventsByType = new TreeMap<>();
        private final Map<String, Long> firedByTrigger = new TreeMap<>();
        private final Map<String, Long> byOutcome = new TreeMap<>();
        private long events;
        private long rejected;
        private long effects;
        private int users;

        void event(Event event) {
            events++;
            eventsByType.merge(event.type().displayName(), 1L, Long::sum);
        }

        void effect(Effect effect) {
            effects++;
            switch (effect) {
                case Effect.Decided decided -> {
                    Decision decision = decided.decision();
                    firedByTrigger.merge(decision.occurrence().triggerId(), 1L, Long::sum);
                    String outcome = decision.isScheduled() ? decision.action().channel().key()
                            : decision.reason().code();
                    byOutcome.merge(outcome, 1L, Long::sum);
                }
                case Effect.Sent sent -> byOutcome.merge("sent " + sent.message().channel().key(), 1L, Long::sum);
                case Effect.Cancelled cancelled -> byOutcome.merge("cancelled " + cancelled.step().reason().code(),
                        1L, Long::sum);
                case Effect.Late late -> byOutcome.merge("late", 1L, Long::sum);
            }
        }

        @Override
        public String toString() {
            return events + " events, " + rejected + " rejected, " + users + " users, " + effects + " effects, "
                    + eventsByType + ", " + firedByTrigger + ", " + byOutcome;
        }
    }
}
