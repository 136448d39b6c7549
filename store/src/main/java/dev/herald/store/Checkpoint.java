package dev.herald.store;

import java.time.Instant;
import java.util.Objects;

/**
 * A snapshot of the engine's state. The state array is handed over as it is, not copied: it may be large.
 *
 * @param id the checkpoint's id, increasing with each save
 * @param eventSeq the seq of the last event the state includes; replay resumes after it
 * @param engineTime the engine's time when the state was taken, or {@code null}
 * @param state the serialised state
 * @param writtenAt when the checkpoint was written (the database's clock)
 */
public record Checkpoint(long id, long eventSeq, Instant engineTime, byte[] state, Instant writtenAt) {

    public Checkpoint {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(writtenAt, "writtenAt");
    }

    @Override
    public String toString() {
        return "Checkpoint[id=" + id + ", eventSeq=" + eventSeq + ", engineTime=" + engineTime + ", state="
                + state.length + " bytes, writtenAt=" + writtenAt + "]";
    }
}
