package dev.herald.app.serve;

import dev.herald.app.config.ConfigFile;
import dev.herald.app.config.Deliverers;
import dev.herald.app.config.Writers;
import dev.herald.app.triggers.Definitions;
import dev.herald.app.triggers.TriggerFile;
import dev.herald.core.engine.EngineConfig;
import dev.herald.core.policy.Policies;
import dev.herald.core.policy.Policy;
import dev.herald.core.trigger.TriggerSet;
import dev.herald.server.HeraldServer;
import dev.herald.server.ServerSettings;
import dev.herald.server.runtime.EngineRunner;
import dev.herald.store.DatabaseSettings;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code herald serve}: the service, on the embedded PostgreSQL unless a database is configured. */
@Command(name = "serve", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
                "Runs Herald as a service: the Segment-compatible HTTP API takes the shop's events, the engine "
                        + "decides, the writer writes, the outbox sends through the configured providers, and the "
                        + "tracking links record what recipients do. With no database configured, an embedded "
                        + "PostgreSQL runs in the data folder. Stops cleanly on Ctrl-C or SIGTERM.",
                "",
                "Example:",
                "  herald serve --config herald.yaml"
        })
public final class ServeCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(ServeCommand.class);

    @Option(names = "--config", paramLabel = "FILE",
            description = "Herald's configuration (YAML); every key can also be an environment variable")
    private Path configFile;

    @Option(names = "--data", paramLabel = "DIR",
            description = "the data folder (embedded database, keys); default server.data_dir, else ./herald-data")
    private Path dataDir;

    @Option(names = "--port", paramLabel = "N", description = "the port; default server.port, else 8080")
    private Integer port;

    @Option(names = "--clock", paramLabel = "MODE",
            description = "wall (live) or event (engine time follows the events' timestamps); default server.clock,"
                    + " else wall")
    private String clock;

    @Override
    public Integer call() throws InterruptedException {
        ConfigFile config = ConfigFile.load(Optional.ofNullable(configFile), System.getenv());
        Path data = dataFolder(Optional.ofNullable(dataDir), config);
        Secrets secrets = Secrets.loadOrCreate(data);
        int listen = Optional.ofNullable(port).or(() -> config.integer("server.port")).orElse(8080);
        String publicUrl = config.string("server.public_url").orElse("http://localhost:" + listen);
        List<String> writeKeys = config.list("server.write_keys");
        boolean ownKeys = !writeKeys.isEmpty();
        ServerSettings settings = new ServerSettings(config.string("server.host").orElse("0.0.0.0"), listen,
                publicUrl, ownKeys ? writeKeys : List.of(secrets.writeKey()),
                config.string("server.admin_key").orElse(secrets.adminKey()),
                config.string("server.tracking_secret").orElse(secrets.trackingSecret()), clockMode(config),
                Duration.ofMinutes(1), database(config, data), config.string("server.phone_region").orElse(null),
                Map.of(), config.duration("server.click_window").orElse(Duration.ofHours(72)),
                config.duration("server.view_window").orElse(Duration.ofHours(24)));
        PrometheusMeterRegistry metrics = HeraldServer.metricsRegistry();
        Writers.Built writer = Writers.build(config, Optional.empty(), System.getenv(), metrics);
        HeraldServer server = HeraldServer.start(settings, engineConfig(config), writer.writer(),
                Deliverers.build(config, publicUrl), Clock.systemUTC(), metrics, config.string("sms.auth_token"));
        if (!ownKeys) {
            LOG.info("keys (from {}): write key {}, admin key {}", data.resolve(Secrets.FILE), secrets.writeKey(),
                    secrets.adminKey());
        }
        LOG.info("send events: curl -u {}: -H 'Content-Type: application/json' {}/v1/track -d '{...}'",
                ownKeys ? "WRITE_KEY" : secrets.writeKey(), "http://localhost:" + server.port());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            LOG.info("herald serve: stopping");
            server.close();
            writer.close();
            stopped.countDown();
        }, "herald-shutdown"));
        stopped.await();
        return 0;
    }

    private EngineRunner.ClockMode clockMode(ConfigFile config) {
        return clockMode(clock != null ? clock : config.string("server.clock").orElse("wall"), config);
    }

    private static EngineRunner.ClockMode clockMode(String name, ConfigFile config) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "wall" -> EngineRunner.ClockMode.WALL;
            case "event" -> EngineRunner.ClockMode.EVENT;
            default -> throw config.bad("server.clock", "\"" + name + "\" is not wall or event");
        };
    }

    /** The data folder: the one given, else {@code server.data_dir}, else {@code ./herald-data}. */
    public static Path dataFolder(Optional<Path> given, ConfigFile config) {
        return given.orElse(Path.of(config.string("server.data_dir").orElse("herald-data"))).toAbsolutePath();
    }

    /** The database: {@code database.url} when set, else the embedded PostgreSQL in the data folder. */
    public static DatabaseSettings database(ConfigFile config, Path data) {
        Optional<String> url = config.string("database.url");
        DatabaseSettings settings = url.isPresent()
                ? DatabaseSettings.external(url.get(), config.string("database.user").orElse(null),
                        config.string("database.password").orElse(null))
                : DatabaseSettings.embedded(data.resolve("postgres"));
        return config.integer("database.pool_size").map(settings::withPoolSize).orElse(settings);
    }

    /** The triggers and experiments of {@code engine.triggers} and {@code engine.experiments}. */
    public static Definitions definitions(ConfigFile config) {
        return TriggerFile.definitions(config.string("engine.triggers").map(Path::of),
                config.string("engine.experiments").map(Path::of));
    }

    private static EngineConfig engineConfig(ConfigFile config) {
        Definitions definitions = definitions(config);
        TriggerSet triggers = definitions.triggers();
        String policyName = config.string("engine.policy").orElse("seed");
        Policy policy = Policies.find(policyName).orElseThrow(() -> config.bad("engine.policy", "unknown policy \""
                + policyName + "\"; use one of " + String.join(", ", Policies.names())));
        EngineConfig engine = definitions.applyTo(EngineConfig.defaults(triggers, policy));
        try {
            engine = config.string("engine.time_zone").map(ZoneId::of).map(engine::withDefaultZone).orElse(engine);
        } catch (DateTimeException e) {
            throw config.bad("engine.time_zone", "unknown time zone; use an IANA name like Europe/Berlin");
        }
        return config.duration("engine.lateness").map(engine::withLateness).orElse(engine);
    }

}
