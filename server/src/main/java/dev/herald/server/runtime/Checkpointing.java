package dev.herald.server.runtime;

import dev.herald.core.engine.Engine;
import dev.herald.store.Checkpoints;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checkpoints the engine's state now and then, so that a restart restores it and replays only the events stored
 * since. A checkpoint is taken only once every effect of the events it covers is stored (decisions, messages in
 * the outbox): restoring it never loses a message that was decided but not yet queued.
 *
 * <p>The periodic checkpoint holds the engine's thread only to {@linkplain Engine#capture capture} the state (which
 * refers to the users' immutable states); encoding and storing it, which take seconds for a large engine, happen on
 * a thread of its own while the engine goes on. One checkpoint is written at a time. The checkpoint at shutdown is
 * written on the caller's thread.
 */
public final class Checkpointing implements EngineRunner.Checkpointer, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Checkpointing.class);
    private static final Duration DRAIN = Duration.ofSeconds(30);

    private final Checkpoints checkpoints;
    private final EffectStore effects;
    private final Duration every;
    private final ExecutorService writer = Executors
            .newSingleThreadExecutor(Thread.ofPlatform().name("herald-checkpoint").daemon().factory());
    private volatile long lastSeq;
    private Instant lastAt;
    private Future<Boolean> inFlight;

    /** @param lastSeq the sequence number the engine's current state covers */
    public Checkpointing(Checkpoints checkpoints, EffectStore effects, Duration every, long lastSeq, Instant now) {
        this.checkpoints = checkpoints;
        this.effects = effects;
        this.every = every;
        this.lastSeq = lastSeq;
        this.lastAt = now;
    }

    /** On the engine's thread: when it is time, captures the state and has it written in the background. */
    @Override
    public void applied(Engine engine, long seq, Instant now) {
        if (seq <= lastSeq || Duration.between(lastAt, now).compareTo(every) < 0) {
            return;
        }
        if (inFlight != null && !inFlight.isDone()) {
            return;
        }
        if (!effects.drain(DRAIN)) {
            LOG.warn("checkpoint skipped: effects still being stored after {} s", DRAIN.toSeconds());
            return;
        }
        lastAt = now;
        long started = System.nanoTime();
        Engine.Captured captured = engine.capture();
        long captureMillis = Duration.ofNanos(System.nanoTime() - started).toMillis();
        inFlight = writer.submit(() -> write(captured, seq, captureMillis));
    }

    /**
     * Takes a checkpoint now on the calling thread (the engine's), after the one being written, if there is anything
     * new since the last; says whether one was written.
     */
    public boolean checkpoint(Engine engine, long seq, Instant now) {
        awaitInFlight();
        if (seq <= lastSeq) {
            return false;
        }
        if (!effects.drain(DRAIN)) {
            LOG.warn("checkpoint skipped: effects still being stored after {} s", DRAIN.toSeconds());
            return false;
        }
        lastAt = now;
        return write(engine.capture(), seq, 0);
    }

    private void awaitInFlight() {
        Future<Boolean> pending = inFlight;
        if (pending == null) {
            return;
        }
        try {
            pending.get(2, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException | CancellationException e) {
            LOG.warn("the checkpoint being written did not finish: {}", e.toString());
        }
    }

    private boolean write(Engine.Captured captured, long seq, long captureMillis) {
        long started = System.nanoTime();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(1 << 16);
        try {
            captured.writeTo(bytes);
        } catch (IOException | IllegalArgumentException e) {
            LOG.error("checkpoint failed: the engine's state cannot be written", e);
            return false;
        }
        try {
            checkpoints.save(seq, captured.now().orElse(null), bytes.toByteArray());
        } catch (RuntimeException e) {
            LOG.error("checkpoint failed: it cannot be stored; the next one is tried in {} s", every.toSeconds(), e);
            return false;
        }
        lastSeq = seq;
        LOG.info("checkpoint at event {}: {} users, {} bytes; engine held {} ms, written in {} ms", seq,
                captured.userCount(), bytes.size(), captureMillis,
                Duration.ofNanos(System.nanoTime() - started).toMillis());
        return true;
    }

    /** Waits for the checkpoint being written, then stops the writing thread. */
    @Override
    public void close() {
        awaitInFlight();
        writer.shutdown();
    }
}
