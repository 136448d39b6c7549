package dev.herald.core.event;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * New or changed traits of a user (Segment {@code identify}). Values are plain JSON-like Java values: strings,
 * numbers, booleans, lists and maps; a {@code null} value clears a trait. The traits keep the order they were given
 * in. Which traits Herald reads, and how it treats bad values, is described by
 * {@link dev.herald.core.profile.Profile#withTraits}.
 */
public record Identify(String messageId, String userId, Instant timestamp, Map<String, Object> traits)
        implements UserEvent {

    public Identify {
        Checks.text(messageId, "messageId");
        Checks.text(userId, "userId");
        Checks.time(timestamp);
        traits = Collections.unmodifiableMap(new LinkedHashMap<>(traits));
    }

    @Override
    public EventType type() {
        return EventType.IDENTIFY;
    }
}
