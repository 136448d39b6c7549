package dev.herald.app.importer;

import static dev.herald.app.importer.Imports.read;
import static dev.herald.app.importer.Imports.rejected;
import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.core.event.Activity;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SegmentJsonlImporterTest {

    private static final Instant T = Instant.parse("2024-05-01T12:00:00Z");

    @Test
    void shouldReadOneCallPerLineSkippingBlankLines() {
        // Arrange
        String jsonl = """
                {"type":"page","messageId":"m1","userId":"u1","timestamp":"2024-05-01T12:00:00Z"}

                {"type":"track","event":"Signed Up","messageId":"m2","userId":"u2","timestamp":"2024-05-01T12:00:00Z"}
                """;

        // Act
        List<ImportRecord> records = read(new SegmentJsonlImporter(), "calls.jsonl", jsonl);

        // Assert
        assertThat(records).containsExactly(new ImportRecord.Parsed(new Activity("m1", "u1", T, "Page Viewed")),
                new ImportRecord.Parsed(new Activity("m2", "u2", T, "Signed Up")));
    }

    @Test
    void shouldRejectBadLineWithItsNumberAndGoOn() {
        // Arrange
        String jsonl = """
                {"type":"page","userId":"u1","timestamp":"yesterday"}
                not json
                {"type":"page","messageId":"m3","userId":"u1","timestamp":"2024-05-01T12:00:00Z"}
                """;

        // Act
        List<ImportRecord> records = read(new SegmentJsonlImporter(), "calls.jsonl", jsonl);

        // Assert
        assertThat(records).hasSize(3);
        assertThat(records.get(0)).isEqualTo(rejected("calls.jsonl", 1, "\"timestamp\": \"yesterday\" is not an "
                + "ISO-8601 time with offset, like 2024-05-01T12:00:00Z"));
        assertThat(((ImportRecord.Rejected) records.get(1)).line()).isEqualTo(2);
        assertThat(((ImportRecord.Rejected) records.get(1)).reason()).startsWith("not valid JSON at line 1");
        assertThat(records.get(2)).isEqualTo(new ImportRecord.Parsed(new Activity("m3", "u1", T, "Page Viewed")));
    }

    @Test
    void shouldReadBatchLineIntoGoodEventsAndOneRejectionPerBadItem() {
        // Arrange
        String jsonl = "{\"type\":\"batch\",\"batch\":[{\"type\":\"page\",\"messageId\":\"m1\",\"userId\":\"u1\","
                + "\"timestamp\":\"2024-05-01T12:00:00Z\"},{\"type\":\"page\",\"messageId\":\"m2\"}]}\n";

        // Act
        List<ImportRecord> records = read(new SegmentJsonlImporter(), "calls.jsonl", jsonl);

        // Assert
        assertThat(records).containsExactly(new ImportRecord.Parsed(new Activity("m1", "u1", T, "Page Viewed")),
                rejected("calls.jsonl", 1, "\"batch[1]\": needs \"timestamp\", an ISO-8601 time with offset like "
                        + "2024-05-01T12:00:00Z"));
    }
}
