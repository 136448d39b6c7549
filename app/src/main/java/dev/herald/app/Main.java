package dev.herald.app;

import dev.herald.app.demo.DemoCommand;
import dev.herald.app.evaluate.EvaluateCommand;
import dev.herald.app.experiments.ExperimentsCommand;
import dev.herald.app.replay.ReplayCommand;
import dev.herald.app.serve.ServeCommand;
import dev.herald.app.triggers.TriggersCommand;
import dev.herald.core.HeraldException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code herald} command: the composition root of the command-line tool. */
@Command(name = "herald", mixinStandardHelpOptions = true, version = "herald 0.1.0-SNAPSHOT",
        description = "Herald: behaviour-triggered customer messages.",
        subcommands = {DemoCommand.class, EvaluateCommand.class, ExperimentsCommand.class, ReplayCommand.class,
                ServeCommand.class,
                TriggersCommand.class})
public final class Main implements Callable<Integer> {

    /** Exit code for input the user must fix (a bad file, a bad option value). */
    public static final int BAD_INPUT = 2;

    /**
     * Runs the command line and exits with its exit code: 0 on success, 2 when the input needs fixing, 1 on an
     * unexpected failure.
     */
    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The command line, with Herald's handling of errors: a clear message, no stack trace for bad input. */
    public static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new Main());
        commandLine.setExecutionExceptionHandler((exception, failed, parsed) -> {
            PrintWriter err = failed.getErr();
            if (exception instanceof HeraldException) {
                err.println("herald: " + exception.getMessage());
                return BAD_INPUT;
            }
            err.println("herald: " + failed.getCommandName() + " failed: " + exception);
            exception.printStackTrace(err);
            return 1;
        });
        return commandLine;
    }

    @Override
    public Integer call() {
        CommandLine.usage(this, System.out);
        return 0;
    }
}
