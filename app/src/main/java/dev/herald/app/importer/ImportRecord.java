package dev.herald.app.importer;

import dev.herald.core.event.Event;
import java.util.Objects;

/** What an importer makes of one record of its input: an event, or the reason the record was rejected. */
public sealed interface ImportRecord permits ImportRecord.Parsed, ImportRecord.Rejected {

    /** A record read into an event. */
    record Parsed(Event event) implements ImportRecord {
        public Parsed {
            Objects.requireNonNull(event, "event");
        }
    }

    /**
     * A record that could not be read.
     *
     * @param source the input's name as given to the importer
     * @param line the 1-based line the record is on
     * @param reason what is wrong and what was expected, for example
     *     {@code column 5 (timestamp) "abc" is not a Unix time in seconds}
     */
    record Rejected(String source, long line, String reason) implements ImportRecord {
        public Rejected {
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(reason, "reason");
        }

        /** The rejection as one line: {@code file.csv:12: reason}. */
        @Override
        public String toString() {
            return source + ":" + line + ": " + reason;
        }
    }
}
