package dev.herald.app.experiments;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.herald.app.config.ConfigFile;
import dev.herald.app.serve.ServeCommand;
import dev.herald.app.triggers.Definitions;
import dev.herald.app.triggers.ExperimentFile;
import dev.herald.app.triggers.TriggerFile;
import dev.herald.core.HeraldException;
import dev.herald.core.experiment.Experiment;
import dev.herald.core.experiment.ExperimentSet;
import dev.herald.core.experiment.Variant;
import dev.herald.server.experiment.ExperimentReport;
import dev.herald.server.experiment.ExperimentReports;
import dev.herald.server.experiment.StatisticsSection;
import dev.herald.store.Database;
import dev.herald.store.DatabaseSettings;
import dev.herald.store.Store;
import dev.herald.store.StoreException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code herald experiments}: list the experiments, report one from the store, or print the example file. */
@Command(name = "experiments", mixinStandardHelpOptions = true,
        description = "Lists the experiments on the triggers' messages, reports one from Herald's database, or prints"
                + " an example.",
        subcommands = {ExperimentsCommand.ListCommand.class, ExperimentsCommand.Report.class,
                ExperimentsCommand.Example.class})
public final class ExperimentsCommand implements Callable<Integer> {

    /** How the definitions are found: as {@code herald serve} finds them, or from the files given. */
    static final class Sources {

        @Option(names = "--config", paramLabel = "FILE",
                description = "Herald's configuration (YAML): engine.triggers, engine.experiments, the database")
        Path configFile;

        @Option(names = "--triggers", paramLabel = "FILE",
                description = "the trigger file (default: engine.triggers, else the shipped triggers)")
        Path triggers;

        @Option(names = "--experiments", paramLabel = "FILE",
                description = "an experiments file (default: engine.experiments)")
        Path experiments;

        ConfigFile config() {
            return ConfigFile.load(Optional.ofNullable(configFile), System.getenv());
        }

        ExperimentSet experiments(ConfigFile config) {
            Definitions definitions = TriggerFile.definitions(
                    Optional.ofNullable(triggers).or(() -> config.string("engine.triggers").map(Path::of)),
                    Optional.ofNullable(experiments).or(() -> config.string("engine.experiments").map(Path::of)));
            return definitions.experiments();
        }
    }

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return 0;
    }

    /** {@code herald experiments list}. */
    @Command(name = "list", mixinStandardHelpOptions = true,
            description = {"Lists the experiments with their status now (wall clock), variants and holdout.", "",
                    "Example:", "  herald experiments list --config herald.yaml"})
    static final class ListCommand implements Callable<Integer> {

        @Spec
        private CommandSpec spec;

        @Mixin
        private Sources sources;

        @Override
        public Integer call() {
            ExperimentSet experiments = sources.experiments(sources.config());
            PrintWriter out = spec.commandLine().getOut();
            Instant now = Clock.systemUTC().instant();
            if (experiments.isEmpty()) {
                out.println("no experiments are defined; see herald experiments example");
            }
            for (Experiment experiment : experiments.all()) {
                out.printf("%-22s %-9s on %-20s variants %s%s%s%n", experiment.name(),
                        experiment.status(now).key(), experiment.trigger(), experiment.variants().stream()
                                .map(v -> v.name() + " " + weight(v)).toList(),
                        experiment.holdout() > 0 ? String.format(Locale.ROOT, ", holdout %.1f%%",
                                100 * experiment.holdout()) : "",
                        (experiment.start() == null ? "" : ", from " + experiment.start())
                                + (experiment.stop() == null ? "" : ", until " + experiment.stop()));
            }
            out.flush();
            return 0;
        }

        private static String weight(Variant variant) {
            return String.format(Locale.ROOT, "%s", variant.weight() == Math.rint(variant.weight())
                    ? Long.toString((long) variant.weight()) : Double.toString(variant.weight()));
        }
    }

    /** {@code herald experiments report NAME}. */
    @Command(name = "report", mixinStandardHelpOptions = true,
            description = {"Reports an experiment from Herald's database: per arm the users exposed, the messages "
                    + "sent, delivered, opened and clicked, unsubscribes, conversions and revenue, with their rates "
                    + "and the sample size. The database is the one herald serve uses (database.url, else the "
                    + "embedded PostgreSQL in the data folder, which must not be in use: ask a running Herald with "
                    + "GET /admin/experiments/NAME instead).", "",
                    "Example:", "  herald experiments report cart_copy --config herald.yaml --json"})
    static final class Report implements Callable<Integer> {

        private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

        @Spec
        private CommandSpec spec;

        @Mixin
        private Sources sources;

        @Parameters(index = "0", paramLabel = "NAME", description = "the experiment's name")
        private String name;

        @Option(names = "--json", description = "print the report as JSON")
        private boolean json;

        @Option(names = "--data", paramLabel = "DIR",
                description = "the data folder of the embedded database; default server.data_dir, else ./herald-data")
        private Path dataDir;

        @Override
        public Integer call() throws Exception {
            ConfigFile config = sources.config();
            ExperimentSet experiments = sources.experiments(config);
            Experiment experiment = experiments.find(name).orElseThrow(() -> new HeraldException("no experiment \""
                    + name + "\"" + (experiments.isEmpty() ? "; none is defined (see herald experiments example)"
                            : "; the experiments are " + experiments.all().stream().map(Experiment::name).toList())));
            Path data = ServeCommand.dataFolder(Optional.ofNullable(dataDir), config);
            DatabaseSettings settings = ServeCommand.database(config, data).withPoolSize(2);
            if (settings.isEmbedded() && !Files.isRegularFile(settings.dataDir().resolve("PG_VERSION"))) {
                throw new HeraldException("no Herald database in " + settings.dataDir() + "; give the data folder of"
                        + " herald serve with --data DIR, or its configuration with --config FILE");
            }
            ExperimentReport report;
            try (Database database = open(settings)) {
                report = new ExperimentReports(new Store(database).experimentCounts(), new StatisticsSection())
                        .report(experiment, Clock.systemUTC().instant());
            }
            PrintWriter out = spec.commandLine().getOut();
            out.print(json ? JSON.writeValueAsString(report.json()) + System.lineSeparator() : report.table());
            out.flush();
            return 0;
        }

        private Database open(DatabaseSettings settings) {
            try {
                return Database.open(settings);
            } catch (StoreException e) {
                if (settings.isEmbedded() && e.getMessage().contains("in use")) {
                    throw new HeraldException(e.getMessage() + ". A running Herald reports it: curl -H"
                            + " 'Authorization: Bearer ADMIN_KEY' http://localhost:8080/admin/experiments/" + name, e);
                }
                throw e;
            }
        }
    }

    /** {@code herald experiments example}: the example file, with the schema in its comments. */
    @Command(name = "example", mixinStandardHelpOptions = true,
            description = {"Prints an example experiments file (YAML, with the schema in its comments).", "",
                    "Example:", "  herald experiments example > experiments.yaml"})
    static final class Example implements Callable<Integer> {

        @Spec
        private CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            out.print(ExperimentFile.exampleText());
            out.flush();
            return 0;
        }
    }
}
