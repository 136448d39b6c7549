package dev.herald.server.runtime;

import dev.herald.core.engine.Engine;
import dev.herald.store.Checkpoints;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checkpoints the engine's state now and then, so that a restart restores it and replays only the events stored
 * since. A checkpoint is taken only once every effect of the events it covers is stored (decisions, messages in
 * the outbox): restoring it never loses a message that was decided but not yet queued.
 */
public final class Checkpointing implements EngineRunner.Checkpointer {

    private static final Logger LOG = LoggerFactory.getLogger(Checkpointing.class);
    private static final Duration DRAIN = Duration.ofSeconds(30);

    private final Checkpoints checkpoints;
    private final EffectStore effects;
    private final Duration every;
    private long lastSeq;
    private Instant lastAt;

    /** @param lastSeq the sequence number the engine's current state covers */
    public Checkpointing(Checkpoints checkpoints, EffectStore effects, Duration every, long lastSeq, Instant now) {
        this.checkpoints = checkpoints;
        this.effects = effects;
        this.every = every;
        this.lastSeq = lastSeq;
        this.lastAt = now;
    }

    @Override
    public void applied(Engine engine, long seq, Instant now) {
        if (seq > lastSeq && Duration.between(lastAt, now).compareTo(every) >= 0) {
            checkpoint(engine, seq, now);
        }
    }

    /** Takes a checkpoint now, if there is anything new since the last; says whether one was written. */
    public boolean checkpoint(Engine engine, long seq, Instant now) {
        if (seq <= lastSeq) {
            return false;
        }
        if (!effects.drain(DRAIN)) {
            LOG.warn("checkpoint skipped: effects still being stored after {} s", DRAIN.toSeconds());
            return false;
        }
        long started = System.nanoTime();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(1 << 16);
        try {
            engine.snapshot(bytes);
        } catch (IOException | IllegalArgumentException e) {
            LOG.error("checkpoint failed: the engine's state cannot be written", e);
            return false;
        }
        checkpoints.save(seq, engine.now().orElse(null), bytes.toByteArray());
        lastSeq = seq;
        lastAt = now;
        LOG.info("checkpoint at event {}: {} users, {} bytes, {} ms", seq, engine.userCount(), bytes.size(),
                Duration.ofNanos(System.nanoTime() - started).toMillis());
        return true;
    }
}
