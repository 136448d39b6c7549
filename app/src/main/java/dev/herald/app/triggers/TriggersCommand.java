package dev.herald.app.triggers;

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

    /** {@code herald triggers check FILE}: load a file as a replay would, and list its triggers or its problems. */
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
            TriggerSet triggers = TriggerFile.load(file);
            PrintWriter out = spec.commandLine().getOut();
            out.println(file + ": " + triggers.size() + " triggers, highest priority first");
            for (TriggerDefinition trigger : triggers.all()) {
                out.printf("  %-22s %-13s priority %3d, %s scope, wait %s, send within %s, channels %s%n",
                        trigger.id(), trigger.kind().name().toLowerCase(Locale.ROOT), trigger.priority(),
                        trigger.scope().name().toLowerCase(Locale.ROOT), DurationText.format(trigger.waitTime()),
                        DurationText.format(trigger.urgency()), trigger.channels());
            }
            out.flush();
            return 0;
        }
    }
}
