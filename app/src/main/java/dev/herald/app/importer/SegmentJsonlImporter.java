package dev.herald.app.importer;

import dev.herald.core.event.Event;
import dev.herald.server.segment.SegmentParser;
import dev.herald.server.segment.SegmentResult;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.Consumer;

/**
 * Reads Segment calls written one per line as JSON (JSON lines), each read by {@link SegmentParser}: a batch line
 * gives the events of its good items and a rejection per bad one. Blank lines are skipped. Every call must carry its
 * {@code timestamp}: a replay has no receive time to fall back on.
 */
public final class SegmentJsonlImporter implements EventImporter {

    private final SegmentParser parser;

    /** An importer that normalises only phone numbers written with a country code. */
    public SegmentJsonlImporter() {
        this(new SegmentParser());
    }

    /** An importer using a configured parser (for example one with a default phone region). */
    public SegmentJsonlImporter(SegmentParser parser) {
        this.parser = parser;
    }

    @Override
    public void read(String sourceName, InputStream in, Consumer<ImportRecord> sink) throws IOException {
        Lines.read(in, (lineNumber, line) -> {
            SegmentResult result = parser.parse(line);
            for (Event event : result.events()) {
                sink.accept(new ImportRecord.Parsed(event));
            }
            for (String problem : result.problems()) {
                sink.accept(new ImportRecord.Rejected(sourceName, lineNumber, problem));
            }
        });
    }
}
