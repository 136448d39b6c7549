package dev.herald.core.event;

import java.time.Instant;

/**
 * Something that happened, as Herald receives it. Every event has the sender's idempotency key ({@link #messageId()})
 * and the time it happened ({@link #timestamp()}); Herald processes events in the order of that time.
 *
 * <p>Events about a user are {@link UserEvent}s; {@link PriceChanged} is a catalog event keyed by product.
 */
public sealed interface Event permits UserEvent, PriceChanged {

    /** The sender's unique id for this event (Segment's {@code messageId}); never null. */
    String messageId();

    /** When the event happened; never null. */
    Instant timestamp();

    /** The kind of event, for counting and for matching trigger rules. */
    EventType type();
}
