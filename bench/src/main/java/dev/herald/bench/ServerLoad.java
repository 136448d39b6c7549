package dev.herald.bench;

import dev.herald.app.triggers.TriggerFile;
import dev.herald.core.content.TemplateWriter;
import dev.herald.core.engine.EngineConfig;
import dev.herald.core.policy.Policies;
import dev.herald.server.HeraldServer;
import dev.herald.server.ServerSettings;
import dev.herald.server.runtime.EngineRunner;
import dev.herald.store.DatabaseSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The service's figures: a load generator against a real {@code herald serve} on the embedded PostgreSQL, beside the
 * raw insert rate of the same rows into the same PostgreSQL, and the start-up time with a million pending timers.
 *
 * <pre>
 * ./herald bench load batch   [--clients 64] [--batch 100] [--warmup 45] [--duration 30]
 * ./herald bench load single  [--clients 64] [--rate 5000] [--warmup 45] [--duration 30]
 * ./herald bench load raw     [--writers 8] [--warmup 10] [--duration 30]
 * ./herald bench load startup [--timers 1000000] [--since 100000]
 * ./herald bench load serve   [--duration 60]
 * </pre>
 *
 * <p>{@code serve} only runs the server (as the load modes start it) for {@code --duration} seconds, printing every
 * 5 s the events stored and the CPU of this JVM and of PostgreSQL, so that the load generator can run in another
 * process ({@code --url http://127.0.0.1:PORT --write-key wk_load}) and its own CPU be told apart.
 *
 * <p>The load modes run the server in event time ({@code --clock event}) with a lateness of 2 s
 * ({@code --lateness 2}), so that the engine processes every event: with the wall clock, the engine runner moves
 * engine time to the wall clock after every group of events, so an event stamped before that (every event of a
 * sender's clock, sent a moment ago) arrives late and is counted, not processed. {@code --clock wall --lateness 3600}
 * is {@code herald serve}'s own setting; the start-up mode uses it (its events are all stored before the start).
 *
 * <p>By default each mode starts its own server (or database) in-process, on an embedded PostgreSQL in a fresh
 * temporary folder that is deleted afterwards ({@code --data DIR} keeps it there); the server runs as
 * {@code herald serve} does by default: wall clock, the shipped triggers, the template writer, no providers.
 * {@code --url URL --write-key KEY} sends the load to a server already running instead (then the durability check is
 * left out). Other options: {@code --users 100000}, {@code --products 5000}.
 */
public final class ServerLoad {

    static final String WRITE_KEY = "wk_load";
    static final String ADMIN_KEY = "ak_load";

    /** The command line. */
    record Options(String mode, int clients, int batch, double rate, int warmup, int duration, int users, int products,
            int writers, int timers, int since, String url, String writeKey, Path data, EngineRunner.ClockMode clock,
            Duration lateness) {

        Duration warmupTime() {
            return Duration.ofSeconds(warmup);
        }

        Duration measured() {
            return Duration.ofSeconds(duration);
        }
    }

    private ServerLoad() {}

    public static void main(String[] args) throws Exception {
        Options options;
        try {
            options = parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("herald bench load: " + e.getMessage());
            System.err.println("usage: herald bench load batch|single|raw|startup [--clients N] [--batch N]"
                    + " [--rate R] [--warmup S] [--duration S] [--users N] [--products N] [--writers N]"
                    + " [--timers N] [--since N] [--url URL --write-key KEY] [--data DIR] [--clock wall|event]"
                    + " [--lateness S]");
            System.exit(2);
            return;
        }
        System.out.println(machine());
        int code = switch (options.mode()) {
            case "batch", "single" -> HttpLoad.run(options);
            case "raw" -> RawInserts.run(options);
            case "startup" -> StartupTime.run(options);
            case "serve" -> serve(options);
            default -> throw new IllegalStateException(options.mode());
        };
        System.exit(code);
    }

    static Options parse(String[] args) {
        if (args.length == 0) {
            throw new IllegalArgumentException("name a mode");
        }
        String mode = args[0];
        if (!List.of("batch", "single", "raw", "startup", "serve").contains(mode)) {
            throw new IllegalArgumentException("unknown mode \"" + mode + "\"");
        }
        Map<String, String> values = new java.util.HashMap<>();
        for (int i = 1; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("expected --option value, got \"" + args[i] + "\"");
            }
            values.put(args[i].substring(2), args[++i]);
        }
        List<String> known = List.of("clients", "batch", "rate", "warmup", "duration", "users", "products",
                "writers", "timers", "since", "url", "write-key", "data", "clock", "lateness");
        for (String key : values.keySet()) {
            if (!known.contains(key)) {
                throw new IllegalArgumentException("unknown option --" + key);
            }
        }
        boolean single = mode.equals("single");
        Options options = new Options(mode, integer(values, "clients", 64),
                integer(values, "batch", single ? 1 : 100),
                Double.parseDouble(values.getOrDefault("rate", "0")),
                integer(values, "warmup", mode.equals("raw") ? 10 : 45),
                integer(values, "duration", 30), integer(values, "users", 100_000),
                integer(values, "products", 5_000), integer(values, "writers", 8),
                integer(values, "timers", 1_000_000), integer(values, "since", 100_000), values.get("url"),
                values.getOrDefault("write-key", WRITE_KEY),
                values.containsKey("data") ? Path.of(values.get("data")).toAbsolutePath() : null,
                clock(values.getOrDefault("clock", mode.equals("startup") ? "wall" : "event")),
                Duration.ofSeconds(integer(values, "lateness", mode.equals("startup") ? 3600 : 2)));
        if (options.url() != null && !values.containsKey("write-key")) {
            throw new IllegalArgumentException("--url needs --write-key");
        }
        return options;
    }

    private static EngineRunner.ClockMode clock(String name) {
        return switch (name) {
            case "wall" -> EngineRunner.ClockMode.WALL;
            case "event" -> EngineRunner.ClockMode.EVENT;
            default -> throw new IllegalArgumentException("--clock is wall or event, got \"" + name + "\"");
        };
    }

    private static int integer(Map<String, String> values, String key, int otherwise) {
        String value = values.get(key);
        if (value == null) {
            return otherwise;
        }
        try {
            int parsed = Integer.parseInt(value.replace("_", ""));
            if (parsed < 0) {
                throw new NumberFormatException();
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + key + " must be a whole number >= 0, got \"" + value + "\"");
        }
    }

    /**
     * The engine configuration {@code herald serve} uses without a configuration file (the shipped triggers, the
     * seed policy), with the given lateness (serve's is an hour).
     */
    static EngineConfig engineConfig(Duration lateness) {
        return EngineConfig.defaults(TriggerFile.loadDefault(), Policies.find("seed").orElseThrow())
                .withLateness(lateness);
    }

    /**
     * Starts a server as {@code herald serve} does without a configuration file, on an embedded PostgreSQL in
     * {@code postgres}, with the clock and lateness of the options.
     */
    static HeraldServer startServer(Path postgres, Options options) {
        ServerSettings settings = new ServerSettings("127.0.0.1", 0, "http://localhost:8080", List.of(WRITE_KEY),
                ADMIN_KEY, "0123456789abcdef0123456789abcdef", options.clock(), Duration.ofMinutes(1),
                DatabaseSettings.embedded(postgres), null);
        return HeraldServer.start(settings, engineConfig(options.lateness()), new TemplateWriter("Shop",
                "https://shop.example"), Map.of(), Clock.systemUTC(), HeraldServer.metricsRegistry());
    }

    /** Runs the server alone for the measured duration, reporting the stored events and the CPU every 5 s. */
    private static int serve(Options options) throws Exception {
        Path folder = dataFolder(options, "serve");
        Path postgres = folder.resolve("postgres");
        HeraldServer server = startServer(postgres, options);
        try {
            System.out.println("listening on http://127.0.0.1:" + server.port() + " (write key " + WRITE_KEY
                    + ") for " + options.duration() + " s");
            long end = System.nanoTime() + options.measured().toNanos();
            long lastSeq = server.store().events().lastSeq();
            while (System.nanoTime() < end) {
                CpuMeter cpu = new CpuMeter(java.util.Optional.of(postgres));
                cpu.start();
                Thread.sleep(5_000);
                long seq = server.store().events().lastSeq();
                String usage = cpu.stop().map(CpuMeter.Usage::toString).orElse("");
                System.out.println(n((seq - lastSeq) / 5.0) + " events/s stored; " + usage);
                lastSeq = seq;
            }
        } finally {
            server.close();
        }
        cleanUp(options, folder);
        return 0;
    }

    /** The data folder: the one given, or a new temporary one. */
    static Path dataFolder(Options options, String name) throws IOException {
        if (options.data() != null) {
            Files.createDirectories(options.data());
            return options.data();
        }
        return Files.createTempDirectory("herald-" + name);
    }

    /** Deletes a temporary data folder (never one given with --data). */
    static void cleanUp(Options options, Path folder) {
        if (options.data() != null) {
            System.out.println("data kept in " + folder);
            return;
        }
        try {
            Files.walkFileTree(folder, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.delete(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                    Files.delete(dir);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The machine, for the record. */
    static String machine() {
        List<String> parts = new ArrayList<>();
        parts.add(Runtime.getRuntime().availableProcessors() + " cores");
        parts.add(String.format(Locale.ROOT, "max heap %.1f GB", Runtime.getRuntime().maxMemory() / 1e9));
        parts.add("Java " + System.getProperty("java.vm.version"));
        try {
            parts.add("load average " + Files.readString(Path.of("/proc/loadavg")).strip());
        } catch (IOException e) {
            // not Linux
        }
        return "machine: " + String.join(", ", parts);
    }

    /** A number with thousands separators. */
    static String n(double value) {
        return String.format(Locale.ROOT, "%,.0f", value);
    }

    /** Milliseconds with one decimal. */
    static String ms(double nanos) {
        return String.format(Locale.ROOT, "%.1f ms", nanos / 1e6);
    }

    /** The heap in use after full collections, once it stops shrinking. */
    static long heapAfterGc() throws InterruptedException {
        long best = Long.MAX_VALUE;
        for (int i = 0; i < 8; i++) {
            System.gc();
            Thread.sleep(200);
            long used = java.lang.management.ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
            if (used >= best * 0.99 && i >= 2) {
                return Math.min(best, used);
            }
            best = Math.min(best, used);
        }
        return best;
    }
}
