package dev.herald.server.ingest;

import dev.herald.core.event.Event;
import dev.herald.core.event.UserEvent;
import java.time.Instant;
import java.util.Objects;

/**
 * One event as received: the parsed event, and the call's JSON as it came, which is what is stored (a restart
 * parses it again, so the stored form is the sender's, not Herald's).
 *
 * @param payload the Segment call's JSON text (one call, never a batch)
 * @param receivedAt when Herald received it (the time of calls that carry no timestamp)
 */
public record Incoming(Event event, String payload, Instant receivedAt) {

    public Incoming {
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(receivedAt, "receivedAt");
    }

    /** The user the event is about, or {@code ""} for a catalog event. */
    public String userId() {
        return event instanceof UserEvent user ? user.userId() : "";
    }
}
