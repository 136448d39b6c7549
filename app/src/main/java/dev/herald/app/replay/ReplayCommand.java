package dev.herald.app.replay;

import dev.herald.app.Main;
import dev.herald.app.config.ConfigFile;
import dev.herald.app.config.Writers;
import dev.herald.app.importer.ImportFormat;
import dev.herald.app.triggers.Definitions;
import dev.herald.app.triggers.TriggerFile;
import dev.herald.core.engine.EngineConfig;
import dev.herald.core.policy.Policies;
import dev.herald.core.policy.Policy;
import dev.herald.core.trigger.TriggerSet;
import dev.herald.core.util.DurationText;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code herald replay}: runs a log of shop events through the engine in event time and summarises it. */
@Command(name = "replay", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
                "Runs a log of shop events through the engine in event time and prints what it found: events read, "
                        + "triggers fired, messages scheduled per channel, suppressions per reason, and messages per "
                        + "user per week. With --out, every decision is written as a JSON line with its trace.",
                "",
                "Example:",
                "  herald replay --format rees46 samples/rees46/2019-Oct-head.csv.gz --out decisions.jsonl"
        })
public final class ReplayCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--format", required = true, paramLabel = "FORMAT",
            description = "taobao, rees46 or segment (JSON lines of Segment calls)")
    private String format;

    @Parameters(index = "0", paramLabel = "FILE", description = "the log; gzip-compressed files are read as they are")
    private Path file;

    @Option(names = "--policy", defaultValue = "seed", paramLabel = "NAME",
            description = "how channel, time and variant are chosen: seed or random (default: ${DEFAULT-VALUE})")
    private String policy;

    @Option(names = "--out", paramLabel = "FILE", description = "write every decision as JSON lines to FILE")
    private Path out;

    @Option(names = "--triggers", paramLabel = "FILE",
            description = "trigger definitions (YAML); default: the shipped abandoned cart, browse abandonment, "
                    + "inactivity, price drop and order shipped")
    private Path triggers;

    @Option(names = "--experiments", paramLabel = "FILE",
            description = "experiments on the triggers' messages (YAML, a top-level experiments: list), added to any"
                    + " in the trigger file; see herald experiments example")
    private Path experiments;

    @Option(names = "--reachability", paramLabel = "MODE",
            description = "assumed: every user has every contact point and consent (the default for taobao and "
                    + "rees46, which carry no contact data); traits: only what identify calls say (the default for "
                    + "segment)")
    private String reachability;

    @Option(names = "--time-zone", defaultValue = "UTC", paramLabel = "ZONE",
            description = "time zone of users whose traits give none, for quiet hours (default: ${DEFAULT-VALUE})")
    private String timeZone;

    @Option(names = "--lateness", defaultValue = "unbounded", paramLabel = "DURATION",
            description = "how late an event may arrive and still be processed in order, e.g. 1h; 'unbounded' "
                    + "sorts the whole file by time first (default: ${DEFAULT-VALUE})")
    private String lateness;

    @Option(names = "--until", defaultValue = "end", paramLabel = "WHEN",
            description = "end: stop at the last event; drain: let every pending wait and message play out; or an "
                    + "ISO-8601 instant (default: ${DEFAULT-VALUE})")
    private String until;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "N",
            description = "seed of the random policy; the same seed gives the same decisions "
                    + "(default: ${DEFAULT-VALUE})")
    private long seed;

    @Option(names = "--shop-url", paramLabel = "URL",
            description = "the shop's address, for links in written messages (default: shop.url from the "
                    + "configuration, else https://shop.example)")
    private String shopUrl;

    @Option(names = "--config", paramLabel = "FILE",
            description = "Herald's configuration (YAML): the shop, and the writer's LLM provider; every key can "
                    + "also be set by an environment variable such as HERALD_WRITER_PROVIDER")
    private Path configFile;

    @Option(names = "--no-progress", description = "do not draw a progress bar")
    private boolean noProgress;

    @Override
    public Integer call() throws IOException {
        ImportFormat importFormat = ImportFormat.find(format).orElseThrow(() -> bad(
                "--format: unknown format \"" + format + "\"; use taobao, rees46 or segment"));
        if (!Files.isReadable(file) || Files.isDirectory(file)) {
            throw bad("FILE: cannot read " + file.toAbsolutePath()
                    + (Files.isDirectory(file) ? " (it is a directory)" : ""));
        }
        Policy chosen = Policies.find(policy).orElseThrow(() -> bad("--policy: unknown policy \"" + policy
                + "\"; use one of " + String.join(", ", Policies.names())));
        Reachability reach = reachability == null
                ? importFormat == ImportFormat.SEGMENT ? Reachability.TRAITS : Reachability.ASSUMED
                : Reachability.find(reachability).orElseThrow(() -> bad("--reachability: unknown mode \""
                        + reachability + "\"; use assumed or traits"));
        Definitions definitions = TriggerFile.definitions(Optional.ofNullable(triggers),
                Optional.ofNullable(experiments));
        TriggerSet triggerSet = definitions.triggers();
        EngineConfig config = definitions.applyTo(EngineConfig.defaults(triggerSet, chosen))
                .withNewUserProfile(reach.newUserProfile())
                .withDefaultZone(zone())
                .withLateness(latenessValue())
                .withSeed(seed);
        Replay.Until stop = untilValue();
        ConfigFile configuration = ConfigFile.load(Optional.ofNullable(configFile), System.getenv());
        Replay replay = new Replay(config);
        PrintWriter stdout = spec.commandLine().getOut();
        boolean progress = !noProgress && System.console() != null;
        Replay.Result result;
        Optional<String> writerSummary = Optional.empty();
        long started = System.nanoTime();
        if (out == null) {
            if (configFile != null) {
                spec.commandLine().getErr().println("herald: note: messages are written only for the decision log;"
                        + " add --out FILE to have the writer configured in " + configFile + " write them");
            }
            result = replay.run(importFormat, file, stop, Optional.empty(),
                    progress ? Optional.of(System.err) : Optional.empty());
        } else {
            try (Writers.Built built = Writers.build(configuration, Optional.ofNullable(shopUrl), System.getenv(),
                    new SimpleMeterRegistry())) {
                try (BufferedWriter writer = Files.newBufferedWriter(out, StandardCharsets.UTF_8);
                        DecisionLog log = new DecisionLog(writer, built.writer(), built.metrics().isPresent())) {
                    result = replay.run(importFormat, file, stop, Optional.of(log),
                            progress ? Optional.of(System.err) : Optional.empty());
                }
                writerSummary = built.metrics().map(m -> WriterSummary.render(built.description(), m.snapshot()));
            }
        }
        String header = "Herald replay of " + file + " (" + importFormat.key() + "), policy " + chosen.name() + " v"
                + chosen.version() + ", " + triggerSet.size() + " triggers"
                + switch (definitions.experiments().all().size()) {
                    case 0 -> "";
                    case 1 -> ", 1 experiment";
                    default -> ", " + definitions.experiments().all().size() + " experiments";
                }
                + ", reachability " + reach.key()
                + (reach == Reachability.ASSUMED ? " (every user reachable on every channel, with consent)" : "");
        stdout.print(result.summary().render(header, result.engine().userCount(), result.engine().pendingCount(),
                config.fatigue().weeklyCap(), Duration.ofNanos(System.nanoTime() - started)));
        writerSummary.ifPresent(stdout::print);
        if (out != null) {
            stdout.println("Decisions written to " + out);
        }
        stdout.flush();
        if (result.readError().isPresent()) {
            spec.commandLine().getErr().println("herald: " + result.readError().get());
            spec.commandLine().getErr().flush();
            return Main.BAD_INPUT;
        }
        return 0;
    }

    private ZoneId zone() {
        try {
            return ZoneId.of(timeZone);
        } catch (DateTimeException e) {
            throw bad("--time-zone: unknown time zone \"" + timeZone + "\"; use an IANA name like Europe/Berlin");
        }
    }

    private Duration latenessValue() {
        if (lateness.equalsIgnoreCase("unbounded")) {
            return null;
        }
        try {
            return DurationText.parse(lateness);
        } catch (IllegalArgumentException e) {
            throw bad("--lateness: " + e.getMessage() + ", or unbounded");
        }
    }

    private Replay.Until untilValue() {
        return switch (until.toLowerCase(Locale.ROOT)) {
            case "end" -> new Replay.Until.End();
            case "drain" -> new Replay.Until.Drain();
            default -> {
                try {
                    yield new Replay.Until.At(Instant.parse(until));
                } catch (DateTimeException e) {
                    throw bad("--until: \"" + until + "\" is not end, drain or an ISO-8601 instant like "
                            + "2019-10-02T00:00:00Z");
                }
            }
        };
    }

    private ParameterException bad(String message) {
        return new ParameterException(spec.commandLine(), message);
    }
}
