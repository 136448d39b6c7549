package dev.herald.app.importer;

import java.io.IOException;
import java.io.InputStream;
import java.util.function.Consumer;

/**
 * Reads a log of events in one format. An importer streams: it hands each record to the sink as soon as it is read
 * and never holds the whole input. A bad record never stops it: it is handed on as {@link ImportRecord.Rejected}
 * and reading goes on.
 */
public interface EventImporter {

    /**
     * Reads the input to its end, in order.
     *
     * @param sourceName the input's name, used in message ids and rejections (usually the file name)
     * @param in the input, not closed by this method
     * @param sink receives every record, good or bad, in input order
     * @throws IOException only when the input itself cannot be read
     */
    void read(String sourceName, InputStream in, Consumer<ImportRecord> sink) throws IOException;
}
