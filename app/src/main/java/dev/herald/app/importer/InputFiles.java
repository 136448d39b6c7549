package dev.herald.app.importer;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/** Opens input files for the importers. */
public final class InputFiles {

    private static final int BUFFER = 1 << 16;
    private static final int GZIP_MAGIC_1 = 0x1f;
    private static final int GZIP_MAGIC_2 = 0x8b;

    private InputFiles() {}

    /**
     * Opens a file for buffered reading, decompressing it when it starts with the gzip magic bytes (whatever its
     * name). The caller closes the stream.
     */
    public static InputStream open(Path file) throws IOException {
        return open(Files.newInputStream(file));
    }

    /**
     * Buffers a stream, decompressing it when it starts with the gzip magic bytes; for inputs that are not plain
     * files (standard input, a stream that counts bytes for a progress bar). Closing the result closes {@code in};
     * so does a failure here.
     */
    public static InputStream open(InputStream in) throws IOException {
        BufferedInputStream raw = new BufferedInputStream(in, BUFFER);
        try {
            raw.mark(2);
            int first = raw.read();
            int second = raw.read();
            raw.reset();
            if (first == GZIP_MAGIC_1 && second == GZIP_MAGIC_2) {
                return new BufferedInputStream(new GZIPInputStream(raw, BUFFER), BUFFER);
            }
            return raw;
        } catch (IOException | RuntimeException e) {
            raw.close();
            throw e;
        }
    }
}
