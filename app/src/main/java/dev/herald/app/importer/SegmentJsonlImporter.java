package dev.herald.app.importer;

import dev.herald.app.segment.SegmentParser;
import dev.herald.app.segment.SegmentResult;
import dev.herald.core.event.Event;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
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
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
        long lineNumber = 0;
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            lineNumber++;
            if (lineNumber == 1) {
                line = Texts.withoutBom(line);
            }
            if (line.isBlank()) {
                continue;
            }
            SegmentResult result = parser.parse(line);
            for (Event event : result.events()) {
                sink.accept(new ImportRecord.Parsed(event));
            }
            for (String problem : result.problems()) {
                sink.accept(new ImportRecord.Rejected(sourceName, lineNumber, problem));
            }
        }
    }
}
