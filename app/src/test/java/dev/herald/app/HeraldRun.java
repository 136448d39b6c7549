package dev.herald.app;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/**
 * One run of the {@code herald} command line in-process, as a user would type it, with what it printed.
 *
 * @param exitCode 0 on success, 2 for input to fix, 1 for an unexpected failure
 */
public record HeraldRun(int exitCode, String out, String err) {

    /** Runs {@code herald} with the arguments and captures its standard output and error. */
    public static HeraldRun herald(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = Main.commandLine();
        commandLine.setOut(new PrintWriter(out));
        commandLine.setErr(new PrintWriter(err));
        return new HeraldRun(commandLine.execute(args), out.toString(), err.toString());
    }
}
