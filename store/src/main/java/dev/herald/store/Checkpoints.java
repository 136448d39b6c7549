package dev.herald.store;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Snapshots of the engine's in-memory state (table {@code checkpoints}). The newest two are kept: when the newest
 * cannot be read, the one before it still can, and replay from its event seq rebuilds the rest.
 */
public final class Checkpoints {

    /** How many checkpoints are kept. */
    public static final int KEPT = 2;

    private final DataSource dataSource;

    public Checkpoints(DataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    }

    /**
     * Stores a checkpoint and removes all but the newest two, in one transaction.
     *
     * @param eventSeq the seq of the last event the state includes
     * @param engineTime the engine's time, or {@code null}
     */
    public void save(long eventSeq, Instant engineTime, byte[] state) {
        Objects.requireNonNull(state, "state");
        if (eventSeq < 0) {
            throw new IllegalArgumentException("eventSeq must not be negative, got " + eventSeq);
        }
        Jdbc.transaction(dataSource, "save a checkpoint at event seq " + eventSeq, connection -> {
            Jdbc.update(connection,
                    "INSERT INTO checkpoints (event_seq, engine_time, state, written_at) VALUES (?, ?, ?, now())",
                    insert -> {
                        insert.setLong(1, eventSeq);
                        Jdbc.setTime(insert, 2, engineTime);
                        insert.setBytes(3, state);
                    });
            return Jdbc.update(connection, "DELETE FROM checkpoints WHERE id NOT IN"
                    + " (SELECT id FROM checkpoints ORDER BY id DESC LIMIT ?)", delete -> delete.setInt(1, KEPT));
        });
    }

    /** The newest checkpoint, if there is one. */
    public Optional<Checkpoint> latest() {
        return Jdbc.transaction(dataSource, "read the latest checkpoint", connection -> Jdbc.one(connection,
                "SELECT id, event_seq, engine_time, state, written_at FROM checkpoints ORDER BY id DESC LIMIT 1",
                query -> {}, row -> new Checkpoint(row.getLong("id"), row.getLong("event_seq"),
                        Jdbc.time(row, "engine_time"), row.getBytes("state"), Jdbc.time(row, "written_at"))));
    }
}
