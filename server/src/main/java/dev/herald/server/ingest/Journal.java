package dev.herald.server.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes received events durable with group commit: requests queue up, one thread writes whatever has queued (up to
 * a batch size) in one transaction, then completes every request of the batch, then hands the new events on, in
 * the order they were stored. A request is acknowledged only after its events are committed; one whose write failed
 * gets the failure and nothing of it is handed on.
 */
public final class Journal implements AutoCloseable {

    /** Stores events and says, for each, whether it was new (false: a duplicate messageId, stored before). */
    @FunctionalInterface
    public interface Store {
        /**
         * Appends in one transaction.
         *
         * @return for each event whether it was new, and the sequence number of the last stored event
         */
        Appended append(List<Incoming> events);
    }

    /** What a store did with one batch. */
    public record Appended(List<Boolean> fresh, long lastSeq) {
        public Appended {
            fresh = List.copyOf(fresh);
        }
    }

    /** Where stored events go next (the engine), with the sequence number up to which they are stored. */
    @FunctionalInterface
    public interface Sink {
        void stored(List<Incoming> fresh, long lastSeq);
    }

    /** The answer to one request: how many of its events were new and how many were duplicates. */
    public record Ack(int stored, int duplicates) {}

    /** The journal's queue is full: the caller should answer 503 and the sender retry. */
    public static final class Overloaded extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Overloaded(int capacity) {
            super("the ingestion queue is full (" + capacity + " requests waiting); retry shortly");
        }
    }

    private record Pending(List<Incoming> events, CompletableFuture<Ack> done) {}

    private static final Logger LOG = LoggerFactory.getLogger(Journal.class);

    private final Store store;
    private final Sink sink;
    private final int maxBatch;
    private final int capacity;
    private final BlockingQueue<Pending> queue;
    private final Thread writer;
    private volatile boolean running = true;

    /**
     * @param maxBatch the most events written in one transaction
     * @param capacity the most requests waiting before new ones are refused
     */
    public Journal(Store store, Sink sink, int maxBatch, int capacity) {
        this.store = Objects.requireNonNull(store, "store");
        this.sink = Objects.requireNonNull(sink, "sink");
        this.maxBatch = maxBatch;
        this.capacity = capacity;
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.writer = Thread.ofPlatform().name("herald-journal").daemon().unstarted(this::run);
        this.writer.start();
    }

    /** Queues events for storing; the future completes once they are committed. */
    public CompletableFuture<Ack> submit(List<Incoming> events) {
        CompletableFuture<Ack> done = new CompletableFuture<>();
        if (events.isEmpty()) {
            done.complete(new Ack(0, 0));
            return done;
        }
        if (!running) {
            done.completeExceptionally(new IllegalStateException("the server is shutting down"));
        } else if (!queue.offer(new Pending(List.copyOf(events), done))) {
            done.completeExceptionally(new Overloaded(capacity));
        }
        return done;
    }

    private void run() {
        List<Pending> batch = new ArrayList<>();
        while (running || !queue.isEmpty()) {
            try {
                Pending first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                int events = first.events().size();
                Pending next;
                while (events < maxBatch && (next = queue.poll()) != null) {
                    batch.add(next);
                    events += next.events().size();
                }
                write(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } finally {
                batch.clear();
            }
        }
    }

    private void write(List<Pending> batch) {
        List<Incoming> all = new ArrayList<>();
        batch.forEach(p -> all.addAll(p.events()));
        Appended appended;
        try {
            appended = store.append(all);
        } catch (RuntimeException e) {
            LOG.error("storing {} events failed; their requests get a 503", all.size(), e);
            batch.forEach(p -> p.done().completeExceptionally(e));
            return;
        }
        List<Incoming> fresh = new ArrayList<>();
        int index = 0;
        for (Pending pending : batch) {
            int stored = 0;
            for (Incoming incoming : pending.events()) {
                if (appended.fresh().get(index++)) {
                    fresh.add(incoming);
                    stored++;
                }
            }
            pending.done().complete(new Ack(stored, pending.events().size() - stored));
        }
        if (!fresh.isEmpty()) {
            sink.stored(fresh, appended.lastSeq());
        }
    }

    /** Stops taking requests, writes what is queued, and stops. */
    @Override
    public void close() {
        running = false;
        try {
            writer.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
