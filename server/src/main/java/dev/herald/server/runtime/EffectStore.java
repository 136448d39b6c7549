package dev.herald.server.runtime;

import dev.herald.core.content.ContentWriter;
import dev.herald.core.content.MessageContent;
import dev.herald.core.content.Written;
import dev.herald.core.decision.Decision;
import dev.herald.core.decision.OutgoingMessage;
import dev.herald.core.decision.TraceStep;
import dev.herald.core.engine.Effect;
import dev.herald.server.track.LinkRewriter;
import dev.herald.store.DecisionLog;
import dev.herald.store.DecisionRow;
import dev.herald.store.Exposure;
import dev.herald.store.Exposures;
import dev.herald.store.Outbox;
import dev.herald.store.OutboxEntry;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the engine's effects go, off the engine thread: decisions to the decisions table (batched), with the
 * exposure a decision made in an experiment records (once per user per experiment), and a sent
 * message to the writer (on worker threads, since a model may take seconds), then through link tracking into the
 * outbox, where the dispatcher finds it. The outbox keeps one row per message id, so an effect emitted again (a
 * restart replays the events after the last checkpoint) never sends twice, and a message already in the outbox is
 * not written again.
 */
public final class EffectStore implements java.util.function.Consumer<Effect>, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EffectStore.class);
    private static final int BATCH = 200;

    /** How many sent messages are kept for a fallback to another channel. */
    static final int RECENT = 100_000;

    /** A row to write, or a sent message to write first. */
    private sealed interface Work {
        record Row(Decision decision, String outcome, List<TraceStep> later)
                implements Work {}

        record Sent(Decision decision, OutgoingMessage message, Written written) implements Work {}
    }

    private final DecisionLog decisions;
    private final Exposures exposures;
    private final Outbox outbox;
    private final ContentWriter writer;
    private final LinkRewriter links;
    private final Function<String, Duration> urgencyOf;
    private final Clock clock;
    private final MeterRegistry metrics;
    private final BlockingQueue<Work> queue = new LinkedBlockingQueue<>();
    private final ExecutorService writers = Executors.newVirtualThreadPerTaskExecutor();
    private final AtomicLong outstanding = new AtomicLong();
    private final AtomicLong late = new AtomicLong();
    private final Map<String, Effect.Sent> recent = new LinkedHashMap<>(1024, 0.75f, false) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Effect.Sent> eldest) {
            return size() > RECENT;
        }
    };
    private final Thread thread;
    private volatile boolean running = true;

    /**
     * @param urgencyOf a trigger's urgency window by trigger id: a message not sent within it after its trigger
     *     fired expires
     */
    public EffectStore(DecisionLog decisions, Exposures exposures, Outbox outbox, ContentWriter writer,
            LinkRewriter links, Function<String, Duration> urgencyOf, Clock clock, MeterRegistry metrics) {
        this.metrics = metrics;
        this.decisions = decisions;
        this.exposures = exposures;
        this.outbox = outbox;
        this.writer = writer;
        this.links = links;
        this.urgencyOf = urgencyOf;
        this.clock = clock;
        this.thread = Thread.ofPlatform().name("herald-effects").daemon().start(this::run);
    }

    @Override
    public void accept(Effect effect) {
        switch (effect) {
            case Effect.Decided decided -> enqueue(new Work.Row(decided.decision(),
                    decided.decision().isScheduled() ? "scheduled" : "suppressed", decided.decision().trace()));
            case Effect.Cancelled cancelled -> {
                List<TraceStep> steps = new ArrayList<>(cancelled.decision().trace());
                steps.add(cancelled.step());
                enqueue(new Work.Row(cancelled.decision(), "cancelled", steps));
            }
            case Effect.Sent sent -> {
                synchronized (recent) {
                    recent.put(sent.message().messageId(), sent);
                }
                outstanding.incrementAndGet();
                writers.execute(() -> {
                    try {
                        if (outbox.find(sent.message().messageId()).isPresent()) {
                            // A replay after a restart: the message is queued already and is not written again,
                            // but the replayed decision was just stored as scheduled again; it stays sent.
                            enqueue(new Work.Row(sent.decision(), "sent", sent.decision().trace()));
                            return;
                        }
                        Written written = writer.write(sent.message());
                        enqueue(new Work.Sent(sent.decision(), sent.message(), written));
                    } finally {
                        outstanding.decrementAndGet();
                    }
                });
            }
            case Effect.Late lateEvent -> late.incrementAndGet();
        }
    }

    private void enqueue(Work work) {
        outstanding.incrementAndGet();
        queue.add(work);
    }

    /**
     * A message sent since this process started (the newest {@value #RECENT}), with its decision, for sending it
     * again on another channel when its contact point fails for good.
     */
    public Optional<Effect.Sent> recentlySent(String messageId) {
        synchronized (recent) {
            return Optional.ofNullable(recent.get(messageId));
        }
    }

    /** Events the engine received too late to process in order. */
    public long lateCount() {
        return late.get();
    }

    /** Whether every effect received so far is stored. */
    public boolean idle() {
        return outstanding.get() == 0;
    }

    /** Waits until every effect received so far is stored (before a checkpoint). */
    public boolean drain(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (outstanding.get() > 0) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            try {
                Thread.sleep(2);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    private void run() {
        List<Work> batch = new ArrayList<>();
        while (running || !queue.isEmpty()) {
            try {
                Work first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, BATCH - 1);
                store(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.error("storing {} effects failed; retrying in a second", batch.size(), e);
                sleep();
                queue.addAll(batch);
                outstanding.addAndGet(batch.size());
            } finally {
                outstanding.addAndGet(-batch.size());
                batch.clear();
            }
        }
    }

    private void store(List<Work> batch) {
        Instant now = clock.instant();
        Map<String, DecisionRow> rows = new LinkedHashMap<>();
        List<Exposure> exposed = new ArrayList<>();
        for (Work work : batch) {
            switch (work) {
                case Work.Row row -> {
                    put(rows, DecisionRows.row(row.decision(), row.outcome(), earlier(rows, row.decision(),
                            row.outcome()), row.later(), null, now));
                    if (row.outcome().equals("scheduled") || row.outcome().equals("suppressed")) {
                        DecisionRows.exposure(row.decision()).ifPresent(exposed::add);
                    }
                }
                case Work.Sent sent -> {
                    OutgoingMessage message = sent.message();
                    MessageContent tracked = links.rewrite(message.messageId(), sent.written().content());
                    Instant expires = sent.decision().occurrence().firedAt().plus(urgencyOf.apply(
                            message.triggerId()));
                    outbox.enqueue(OutboxEntry.pending(message.messageId(), message.userId(), message.triggerId(),
                            message.channel().key(), message.kind().name().toLowerCase(Locale.ROOT),
                            message.address(), ContentJson.text(tracked), message.sendAt(),
                            expires.isBefore(message.sendAt()) ? message.sendAt() : expires));
                    List<TraceStep> later = new ArrayList<>(sent.decision().trace());
                    later.add(sent.written().step());
                    put(rows, DecisionRows.row(sent.decision(), "sent", earlier(rows, sent.decision(), "sent"),
                            later, sent.written(), now));
                }
            }
        }
        decisions.upsert(List.copyOf(rows.values()));
        exposures.record(exposed);
    }

    /** Keeps the newest row of a decision in a batch (scheduled, then sent), and counts it. */
    private void put(Map<String, DecisionRow> rows, DecisionRow row) {
        rows.put(row.id(), row);
        metrics.counter("herald.decisions", "outcome", row.outcome()).increment();
    }

    /**
     * The trace a decision had when it was decided (scheduled), for outcomes at send time: from this batch when it
     * is in it, else as stored.
     */
    private String earlier(Map<String, DecisionRow> batch, Decision decision, String outcome) {
        if (outcome.equals("scheduled") || outcome.equals("suppressed")) {
            return null;
        }
        DecisionRow inBatch = batch.get(decision.id());
        if (inBatch != null) {
            return inBatch.trace();
        }
        return decisions.find(decision.id()).map(DecisionRow::trace).orElse(null);
    }

    private static void sleep() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        drain(Duration.ofSeconds(30));
        running = false;
        writers.shutdown();
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
