package dev.herald.core.event;

import java.time.Instant;
import java.util.Objects;

/** Argument checks shared by the event records; messages name the field so a caller knows what to fix. */
final class Checks {

    private Checks() {}

    static String text(String value, String field) {
        Objects.requireNonNull(value, field);
        if (value.isBlank()) {
            throw new IllegalArgumentException(field + " must not be blank");
        }
        return value;
    }

    static Instant time(Instant value) {
        return Objects.requireNonNull(value, "timestamp");
    }
}
