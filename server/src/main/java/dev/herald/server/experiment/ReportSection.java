package dev.herald.server.experiment;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Objects;

/**
 * A part of an experiment's report computed from its arms' counts, such as its statistics: shown under
 * {@code sections.NAME} in the JSON and as lines after the tables in text.
 *
 * @param name the section's key in the JSON, for example {@code statistics}
 * @param json the section as JSON
 * @param lines the section as text, one line each, without a trailing newline
 */
public record ReportSection(String name, JsonNode json, List<String> lines) {

    public ReportSection {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(json, "json");
        lines = List.copyOf(lines);
    }
}
