package dev.herald.bench;

import dev.herald.core.engine.Engine;
import dev.herald.core.engine.EngineConfig;
import dev.herald.core.event.Event;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.ref.Reference;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import javax.management.JMException;
import javax.management.ObjectName;

/**
 * Goal 3: heap retained per tracked user. For each log, it replays the file into an {@link Engine} as
 * {@code herald replay} does (default triggers, everyone reachable, unbounded lateness, then {@code flush}), streaming
 * from the importer so that no list of events is held; the importer (its interned ids and products) is dropped too,
 * so what stays is what the engine keeps: user states (ids, carts, interests, armed waits, scheduled and sent
 * messages), the users map, the wake-up queue and the products users still refer to. The heap in use is read after
 * several forced full collections before and after, and the difference divided by {@link Engine#userCount()}. This
 * is repeated a few times and the median given. For scale, it also measures the heap the same events take as
 * parsed objects (held in a list, then dropped): that input is <em>not</em> part of the per-user figure.
 *
 * <p>Run from the repository root, with the JDK 25 {@code java}:
 *
 * <pre>
 * /usr/lib/jvm/temurin-25-jdk-amd64/bin/java -cp bench/target/benchmarks.jar dev.herald.bench.MemoryPerUser
 * </pre>
 *
 * <p>Arguments: datasets ({@code timewindow}, {@code userslice}, {@code rees46}; default all three), {@code --policy
 * NAME} (default seed), {@code --rounds N} (default 5), {@code --histogram} to print the classes that fill the heap
 * while the last engine is held. The Taobao files come from {@code -Dherald.datasets=DIR} (default
 * {@code ../shared/datasets}), the REES46 sample from {@code -Dherald.samples=DIR} (default {@code samples}).
 */
public final class MemoryPerUser {

    private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();
    private static final int HISTOGRAM_LINES = 25;

    private MemoryPerUser() {}

    public static void main(String[] args) throws InterruptedException, JMException {
        List<Dataset> datasets = new ArrayList<>();
        String policy = "seed";
        int rounds = 5;
        boolean histogram = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--policy" -> policy = args[++i];
                case "--rounds" -> rounds = Integer.parseInt(args[++i]);
                case "--histogram" -> histogram = true;
                default -> {
                    try {
                        datasets.add(Dataset.of(args[i]));
                    } catch (IllegalArgumentException e) {
                        System.err.println("MemoryPerUser: " + e.getMessage());
                        System.exit(2);
                    }
                }
            }
        }
        if (datasets.isEmpty()) {
            datasets.addAll(List.of(Dataset.values()));
        }
        System.out.printf(Locale.ROOT, "%s %s, max heap %,d MB, GC %s%n", System.getProperty("java.vm.name"),
                System.getProperty("java.runtime.version"), Runtime.getRuntime().maxMemory() >> 20,
                ManagementFactory.getGarbageCollectorMXBeans().get(0).getName());
        for (Dataset dataset : datasets) {
            measure(dataset, policy, rounds, histogram);
        }
    }

    private static void measure(Dataset dataset, String policy, int rounds, boolean histogram)
            throws InterruptedException, JMException {
        EngineConfig config = dataset.config(policy, null);
        replay(dataset, config); // warm up: load classes, fill caches outside the measurement
        long[] perUser = new long[rounds];
        long[] retained = new long[rounds];
        int users = 0;
        long events = 0;
        for (int round = 0; round < rounds; round++) {
            long before = usedAfterGc();
            Engine engine = replay(dataset, config);
            long after = usedAfterGc();
            users = engine.userCount();
            events = engine.processedCount();
            retained[round] = after - before;
            perUser[round] = retained[round] / users;
            if (histogram && round == rounds - 1) {
                printHistogram();
            }
            Reference.reachabilityFence(engine);
        }
        long before = usedAfterGc();
        List<Event> input = dataset.events();
        long inputBytes = usedAfterGc() - before;
        int inputEvents = input.size();
        Reference.reachabilityFence(input);
        input = null;
        long[] sorted = perUser.clone();
        Arrays.sort(sorted);
        long[] sortedRetained = retained.clone();
        Arrays.sort(sortedRetained);
        System.out.printf(Locale.ROOT, "%s (%s policy): %,d events, %,d users%n", dataset.file().getFileName(), policy,
                events, users);
        System.out.printf(Locale.ROOT, "  retained by the engine: %,d bytes = %,d bytes/user (median of %d rounds; "
                + "min %,d, max %,d bytes/user)%n", sortedRetained[rounds / 2], sorted[rounds / 2], rounds, sorted[0],
                sorted[rounds - 1]);
        System.out.printf(Locale.ROOT, "  for scale, the parsed input (not retained): %,d bytes = %,d bytes/event%n",
                inputBytes, inputBytes / Math.max(1, inputEvents));
    }

    /** The file through a fresh engine, streaming: neither the events nor the importer stay reachable. */
    private static Engine replay(Dataset dataset, EngineConfig config) {
        long[] effects = new long[1];
        Engine engine = new Engine(config, effect -> effects[0]++);
        dataset.read(engine::accept);
        engine.flush();
        if (engine.lateCount() != 0) {
            throw new IllegalStateException(engine.lateCount() + " late events with unbounded lateness");
        }
        return engine;
    }

    /** Heap in use after full collections, once it stops shrinking. */
    private static long usedAfterGc() throws InterruptedException {
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 10; i++) {
            System.gc();
            Thread.sleep(100);
            long now = MEMORY.getHeapMemoryUsage().getUsed();
            if (i >= 3 && now >= used) {
                return Math.min(used, now);
            }
            used = Math.min(used, now);
        }
        return used;
    }

    /** The live classes taking the most heap, from the JVM's own class histogram (a full collection first). */
    private static void printHistogram() throws JMException {
        ObjectName diagnostics = new ObjectName("com.sun.management:type=DiagnosticCommand");
        String text = (String) ManagementFactory.getPlatformMBeanServer().invoke(diagnostics, "gcClassHistogram",
                new Object[] {new String[0]}, new String[] {String[].class.getName()});
        text.lines().limit(HISTOGRAM_LINES + 3L).forEach(line -> System.out.println("  " + line));
    }
}
