package dev.herald.app.triggers;

import dev.herald.core.experiment.Experiment;
import dev.herald.core.experiment.Variant;
import dev.herald.core.trigger.TriggerDefinition;
import dev.herald.core.trigger.TriggerSet;
import dev.herald.core.util.DurationText;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code herald triggers}: print the shipped trigger definitions, or check a trigger file. */
@Command(name = "triggers", mixinStandardHelpOptions = true,
        description = "Prints the shipped trigger definitions, or checks a trigger file.",
        subcommands = {TriggersCommand.Print.class, TriggersCommand.Check.class})
public final class TriggersCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return 0;
    }

    /** {@code herald triggers print}: the shipped file, comments included, to start one's own from. */
    @Command(name = "print", mixinStandardHelpOptions = true,
            description = {"Prints the shipped trigger definitions (YAML, with the schema in its comments).", "",
                    "Example:", "  herald triggers print > my-triggers.yaml"})
    static final class Print implements Callable<Integer> {

        @Spec
        private CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            out.print(TriggerFile.defaultText());
            out.flush();
            return 0;
        }
    }

    /**
     * {@code herald triggers check FILE}: load a file as a replay would, and list its triggers and experiments, or its
     * problems.
     */
    @Command(name = "check", mixinStandardHelpOptions = true,
            description = {"Checks a trigger file: lists its triggers, or every problem with its line and field.",
                    "", "Example:", "  herald triggers check my-triggers.yaml"})
    static final class Check implements Callable<Integer> {

        @Spec
        private CommandSpec spec;

        @Parameters(index = "0", paramLabel = "FILE", description = "the trigger file (YAML)")
        private Path file;

        @Override
        public Integer call() {
            if (!Files.isRegularFile(file)) {
                throw new ParameterException(spec.commandLine(), "FILE: cannot read " + file.toAbsolutePath());
            }
            Definitions definitions = TriggerFile.loadDefinitions(file);
            TriggerSet triggers = definitions.triggers();
            PrintWriter out = spec.commandLine().getOut();
            out.println(file + ": " + triggers.size() + " triggers, highest priority first");
            for (TriggerDefinition trigger : triggers.all()) {
                out.printf("  %-22s %-13s priority %3d, %s scope, wait %s, send within %s, channels %s%n",
                        trigger.id(), trigger.kind().name().toLowerCase(Locale.ROOT), trigger.priority(),
                        trigger.scope().name().toLowerCase(Locale.ROOT), DurationText.format(trigger.waitTime()),
                        DurationText.format(trigger.urgency()), trigger.channels());
            }
            if (!definitions.experiments().isEmpty()) {
                out.println(definitions.experiments().all().size() + " experiments:");
                for (Experiment experiment : definitions.experiments().all()) {
                    out.printf("  %-22s on %-20s variants %s%s%n", experiment.name(), experiment.trigger(),
                            experiment.variants().stream().map(Variant::name).toList(),
                            experiment.holdout() > 0 ? String.format(Locale.ROOT, ", holdout %.1f%%",
                                    100 * experiment.holdout()) : "");
                }
            }
            out.flush();
            return 0;
        }
    }
}
