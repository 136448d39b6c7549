package dev.herald.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import javax.sql.DataSource;

/**
 * The log of accepted events (table {@code events}). An event is durable once {@link #append} returns; the same
 * message id is stored once, so a sender may retry a batch safely.
 *
 * <p>Appends are serialised (a transaction-level advisory lock), so the order of {@code seq} is the order of
 * commits: a reader that has seen seq N never later finds a new event with a smaller seq.
 */
public final class EventLog {

    /** The advisory lock key that serialises appends (the bytes of "herldevt"). */
    private static final long APPEND_LOCK = 0x6865726c64657674L;

    private static final String COLUMNS = "seq, message_id, user_id, type, event_time, received_at, payload";

    /** The events as six arrays in list order; a message id stored before, or earlier in the list, is skipped. */
    private static final String INSERT = """
            INSERT INTO events (message_id, user_id, type, event_time, received_at, payload)
            SELECT m, u, t, e::timestamptz, r::timestamptz, p::json
            FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[])
                WITH ORDINALITY AS rows (m, u, t, e, r, p, n)
            ORDER BY n
            ON CONFLICT (message_id) DO NOTHING
            RETURNING message_id, seq""";

    private final DataSource dataSource;

    public EventLog(DataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    }

    /**
     * What one {@link #append} did.
     *
     * @param fresh for each event given, whether it was new
     * @param lastSeq the largest seq given to a new event, or 0 when none was new; appends are serialised, so it is
     *     the newest seq in the log once the append has returned
     */
    public record Appended(List<Boolean> fresh, long lastSeq) {
        public Appended {
            fresh = List.copyOf(fresh);
        }
    }

    /**
     * Stores the events in one transaction, in the given order; an event whose message id is already stored (or
     * appeared earlier in the list) is skipped. One statement carries them all (the columns as arrays, unnested in
     * order), which costs PostgreSQL less than a statement per row.
     */
    public Appended append(List<StoredEvent> events) {
        if (events.isEmpty()) {
            return new Appended(List.of(), 0);
        }
        return Jdbc.transaction(dataSource, "append " + events.size() + " events", connection -> {
            try (PreparedStatement lock = connection.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
                lock.setLong(1, APPEND_LOCK);
                lock.execute();
            }
            int size = events.size();
            String[][] columns = new String[6][size];
            for (int i = 0; i < size; i++) {
                StoredEvent event = events.get(i);
                columns[0][i] = event.messageId();
                columns[1][i] = event.userId();
                columns[2][i] = event.type();
                columns[3][i] = event.eventTime().toString();
                columns[4][i] = event.receivedAt().toString();
                columns[5][i] = event.payload();
            }
            try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
                for (int c = 0; c < columns.length; c++) {
                    insert.setArray(c + 1, connection.createArrayOf("text", columns[c]));
                }
                Map<String, Long> inserted = new HashMap<>(size * 2);
                try (ResultSet rows = insert.executeQuery()) {
                    while (rows.next()) {
                        inserted.put(rows.getString(1), rows.getLong(2));
                    }
                }
                List<Boolean> fresh = new ArrayList<>(size);
                long lastSeq = 0;
                for (StoredEvent event : events) {
                    Long seq = inserted.remove(event.messageId());
                    fresh.add(seq != null);
                    lastSeq = seq == null ? lastSeq : Math.max(lastSeq, seq);
                }
                return new Appended(fresh, lastSeq);
            }
        });
    }

    /** The seq of the newest event, or 0 when the log is empty. */
    public long lastSeq() {
        return Jdbc.transaction(dataSource, "read the last event seq", connection -> {
            try (PreparedStatement query = connection.prepareStatement("SELECT coalesce(max(seq), 0) FROM events");
                    ResultSet row = query.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        });
    }

    /**
     * Streams the events after {@code seq}, in seq order, fetching {@code batchSize} rows at a time (a cursor: the
     * log is never loaded whole). The reading transaction stays open while {@code each} runs.
     *
     * @return how many events were read
     */
    public long readAfter(long seq, int batchSize, Consumer<StoredEvent> each) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be at least 1, got " + batchSize);
        }
        Objects.requireNonNull(each, "each");
        return Jdbc.transaction(dataSource, "read events after seq " + seq, connection -> {
            try (PreparedStatement query = connection
                    .prepareStatement("SELECT " + COLUMNS + " FROM events WHERE seq > ? ORDER BY seq")) {
                query.setFetchSize(batchSize);
                query.setLong(1, seq);
                long count = 0;
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        each.accept(read(rows));
                        count++;
                    }
                }
                return count;
            }
        });
    }

    /** The user's events, newest (by event time) first. */
    public List<StoredEvent> forUser(String userId, int limit) {
        Jdbc.limit(limit);
        return Jdbc.transaction(dataSource, "read the events of user " + userId,
                connection -> forUser(connection, userId, limit));
    }

    static List<StoredEvent> forUser(Connection connection, String userId, int limit) throws SQLException {
        return Jdbc.list(connection,
                "SELECT " + COLUMNS + " FROM events WHERE user_id = ? ORDER BY event_time DESC, seq DESC LIMIT ?",
                query -> {
                    query.setString(1, userId);
                    query.setInt(2, limit);
                }, EventLog::read);
    }

    private static StoredEvent read(ResultSet row) throws SQLException {
        return new StoredEvent(
                row.getLong("seq"),
                row.getString("message_id"),
                row.getString("user_id"),
                row.getString("type"),
                Jdbc.time(row, "event_time"),
                Jdbc.time(row, "received_at"),
                row.getString("payload"));
    }
}
