package dev.herald.core.event;

import java.time.Instant;
import java.util.Map;

/**
 * New or changed traits of a user (Segment {@code identify}). Values are plain JSON-like Java values: strings,
 * numbers, booleans, lists and maps. Which traits Herald reads, and how it treats bad values, is described by
 * {@link dev.herald.core.profile.Profile#withTraits}.
 */
public record Identify(String messageId, String userId, Instant timestamp, Map<String, Object> traits)
        implements UserEvent {

    public Identify {
        Checks.text(messageId, "messageId");
        Checks.text(userId, "userId");
        Checks.time(timestamp);
        traits = Map.copyOf(traits);
    }

    @Override
    public EventType type() {
        return EventType.IDENTIFY;
    }
}
