package dev.herald.core.engine;

import dev.herald.core.event.Event;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.function.Consumer;

/**
 * Puts events into event-time order. An event is held until engine time (the latest timestamp seen, less the
 * allowed lateness) passes it, then released in timestamp order (ties in arrival order). An event older than what
 * was already released is late: it is handed to the late consumer, never dropped silently.
 *
 * <p>Implementation notes: with a bounded lateness, held events wait in a priority queue, and an event that engine
 * time already lets through while nothing is held skips it. With unbounded lateness, events are appended to a list
 * that is sorted once (a stable sort, quick on input that is already nearly in order) when released.
 *
 * <p>Not thread-safe.
 */
final class EventOrderer {

    /** An event held back, with its time and its arrival number (which orders events of the same time). */
    record Held(Event event, long at, long arrival) {}

    /**
     * What an orderer holds, for a snapshot: the events held in the queue (in release order) and appended since
     * the last release (in arrival order), how many events arrived, the latest time seen and the watermark.
     */
    record Buffered(List<Held> held, List<Held> unsorted, long arrivals, long latestSeen, long releasedUpTo) {

        Buffered {
            held = List.copyOf(held);
            unsorted = List.copyOf(unsorted);
        }
    }

    private static final Comparator<Held> ORDER = Comparator.comparingLong(Held::at);
    private static final Comparator<Held> RELEASE = (a, b) -> a.at != b.at ? Long.compare(a.at, b.at)
            : Long.compare(a.arrival, b.arrival);

    private final long lateness;
    private PriorityQueue<Held> held = newQueue();
    private ArrayList<Held> unsorted = new ArrayList<>();
    private long arrivals;
    private long latestSeen = Long.MIN_VALUE;
    private long releasedUpTo = Long.MIN_VALUE;

    /** @param lateness how long to hold events; {@code null} holds everything until {@link #flush}. */
    EventOrderer(Duration lateness) {
        this.lateness = lateness == null ? Long.MAX_VALUE : lateness.toMillis();
    }

    private static PriorityQueue<Held> newQueue() {
        return new PriorityQueue<>(RELEASE);
    }

    /** Takes one event; releases whatever the new engine time lets through. */
    void offer(Event event, Consumer<Event> release, Consumer<Event> late) {
        long at = event.timestamp().toEpochMilli();
        if (at < releasedUpTo) {
            late.accept(event);
            return;
        }
        latestSeen = Math.max(latestSeen, at);
        if (lateness == Long.MAX_VALUE) {
            unsorted.add(new Held(event, at, arrivals++));
            return;
        }
        if (held.isEmpty() && at <= latestSeen - lateness) {
            arrivals++;
            releasedUpTo = at;
            release.accept(event);
            return;
        }
        held.add(new Held(event, at, arrivals++));
        releaseUpTo(latestSeen - lateness, release);
    }

    /** Releases every held event up to a time, and treats anything older that arrives later as late. */
    void releaseUpTo(long time, Consumer<Event> release) {
        if (!unsorted.isEmpty()) {
            queueUnsorted();
        }
        while (!held.isEmpty() && held.peek().at <= time) {
            Held next = held.poll();
            releasedUpTo = Math.max(releasedUpTo, next.at);
            release.accept(next.event);
        }
        releasedUpTo = Math.max(releasedUpTo, time);
    }

    /** Releases every held event, in order. */
    void flush(Consumer<Event> release) {
        if (!unsorted.isEmpty()) {
            ArrayList<Held> all = unsorted;
            unsorted = new ArrayList<>();
            all.sort(ORDER);
            for (Held next : all) {
                releasedUpTo = Math.max(releasedUpTo, next.at);
                release.accept(next.event);
            }
        }
        while (!held.isEmpty()) {
            Held next = held.poll();
            releasedUpTo = Math.max(releasedUpTo, next.at);
            release.accept(next.event);
        }
        held = newQueue();
    }

    /** Moves the appended events into the queue, for a partial release. */
    private void queueUnsorted() {
        held.addAll(unsorted);
        unsorted = new ArrayList<>();
    }

    /** How many events are held. */
    int heldCount() {
        return held.size() + unsorted.size();
    }

    /** What the orderer holds, for a snapshot. */
    Buffered buffered() {
        List<Held> queued = new ArrayList<>(held);
        queued.sort(RELEASE);
        return new Buffered(queued, unsorted, arrivals, latestSeen, releasedUpTo);
    }

    /** Takes up what a snapshot holds; the orderer must be new. */
    void restore(Buffered buffered) {
        if (arrivals != 0) {
            throw new IllegalStateException("an orderer that took events cannot be restored");
        }
        held.addAll(buffered.held());
        unsorted.addAll(buffered.unsorted());
        arrivals = buffered.arrivals();
        latestSeen = buffered.latestSeen();
        releasedUpTo = buffered.releasedUpTo();
    }

    /** The time up to which events were released: older arrivals are late. */
    long watermark() {
        return releasedUpTo;
    }

}
