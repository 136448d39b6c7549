package dev.herald.app.importer;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * Reads a UTF-8 log line by line, as every importer does: numbered from 1, a leading byte order mark removed, blank
 * lines skipped.
 */
final class Lines {

    /** Receives each non-blank line with its 1-based number. */
    @FunctionalInterface
    interface Handler {
        void line(long number, String text);
    }

    private Lines() {}

    /** Reads the input to its end; the input is not closed. */
    static void read(InputStream in, Handler handler) throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
        long number = 0;
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            number++;
            if (number == 1) {
                line = withoutBom(line);
            }
            if (!line.isBlank()) {
                handler.line(number, line);
            }
        }
    }

    /** Removes a leading byte order mark, which some tools write at the start of a UTF-8 file. */
    private static String withoutBom(String line) {
        return !line.isEmpty() && line.charAt(0) == '\uFEFF' ? line.substring(1) : line;
    }
}
