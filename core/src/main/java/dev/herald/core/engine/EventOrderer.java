package dev.herald.core.engine;

import dev.herald.core.event.Event;
import java.time.Duration;
import java.util.PriorityQueue;
import java.util.function.Consumer;

/**
 * Puts events into event-time order. An event is held until engine time (the latest timestamp seen, less the
 * allowed lateness) passes it, then released in timestamp order (ties in arrival order). An event older than what
 * was already released is late: it is handed to the late consumer, never dropped silently.
 *
 * <p>Not thread-safe.
 */
final class EventOrderer {

    private record Held(Event event, long at, long arrival) {}

    private final long lateness;
    private final PriorityQueue<Held> held = new PriorityQueue<>((a, b) -> a.at != b.at ? Long.compare(a.at, b.at)
            : Long.compare(a.arrival, b.arrival));
    private long arrivals;
    private long latestSeen = Long.MIN_VALUE;
    private long releasedUpTo = Long.MIN_VALUE;

    /** @param lateness how long to hold events; {@code null} holds everything until {@link #flush}. */
    EventOrderer(Duration lateness) {
        this.lateness = lateness == null ? Long.MAX_VALUE : lateness.toMillis();
    }

    /** Takes one event; releases whatever the new engine time lets through. */
    void offer(Event event, Consumer<Event> release, Consumer<Event> late) {
        long at = event.timestamp().toEpochMilli();
        if (at < releasedUpTo) {
            late.accept(event);
            return;
        }
        held.add(new Held(event, at, arrivals++));
        latestSeen = Math.max(latestSeen, at);
        if (lateness != Long.MAX_VALUE) {
            releaseUpTo(latestSeen - lateness, release);
        }
    }

    /** Releases every held event up to a time, and treats anything older that arrives later as late. */
    void releaseUpTo(long time, Consumer<Event> release) {
        while (!held.isEmpty() && held.peek().at <= time) {
            Held next = held.poll();
            releasedUpTo = Math.max(releasedUpTo, next.at);
            release.accept(next.event);
        }
        releasedUpTo = Math.max(releasedUpTo, time);
    }

    /** Releases every held event, in order. */
    void flush(Consumer<Event> release) {
        while (!held.isEmpty()) {
            Held next = held.poll();
            releasedUpTo = Math.max(releasedUpTo, next.at);
            release.accept(next.event);
        }
    }

    /** The time up to which events were released: older arrivals are late. */
    long watermark() {
        return releasedUpTo;
    }

    int heldCount() {
        return held.size();
    }
}
