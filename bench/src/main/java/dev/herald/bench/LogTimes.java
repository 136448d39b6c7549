package dev.herald.bench;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Notes when each line of the log (standard error, where Herald's logger writes) was written, and passes it on; so
 * that the phases of a start can be timed from the server's own log lines.
 */
final class LogTimes {

    /** One line of the log and when it was written ({@link System#nanoTime}). */
    record Line(long nanos, String text) {}

    private static final List<Line> LINES = new ArrayList<>();

    private LogTimes() {}

    /** Puts the tee in front of standard error. */
    static void install() {
        PrintStream original = System.err;
        OutputStream tee = new OutputStream() {
            private final ByteArrayOutputStream line = new ByteArrayOutputStream();

            @Override
            public void write(int b) {
                original.write(b);
                if (b == '\n') {
                    String text = line.toString(StandardCharsets.UTF_8);
                    line.reset();
                    synchronized (LINES) {
                        LINES.add(new Line(System.nanoTime(), text));
                    }
                } else {
                    line.write(b);
                }
            }

            @Override
            public void flush() {
                original.flush();
            }
        };
        System.setErr(new PrintStream(tee, true, StandardCharsets.UTF_8));
    }

    /** The first line written at or after {@code since} that contains {@code text}. */
    static Optional<Line> first(long since, String text) {
        synchronized (LINES) {
            return LINES.stream().filter(l -> l.nanos() >= since && l.text().contains(text)).findFirst();
        }
    }

    /** Every line written at or after {@code since}. */
    static List<Line> since(long since) {
        synchronized (LINES) {
            return LINES.stream().filter(l -> l.nanos() >= since).toList();
        }
    }
}
