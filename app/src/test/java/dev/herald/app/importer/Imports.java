package dev.herald.app.importer;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Test helper: runs an importer over inline text and collects what it emits. */
final class Imports {

    private Imports() {}

    static List<ImportRecord> read(EventImporter importer, String source, String text) {
        List<ImportRecord> records = new ArrayList<>();
        try {
            importer.read(source, new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), records::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return records;
    }

    static ImportRecord.Rejected rejected(String source, long line, String reason) {
        return new ImportRecord.Rejected(source, line, reason);
    }
}
