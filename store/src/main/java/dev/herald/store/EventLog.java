package dev.herald.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
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

    private final DataSource dataSource;

    public EventLog(DataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    }

    /**
     * Stores the events in one transaction, in the given order; an event whose message id is already stored (or
     * appeared earlier in the list) is skipped.
     *
     * @return for each event, whether it was new
     */
    public List<Boolean> append(List<StoredEvent> events) {
        if (events.isEmpty()) {
            return List.of();
        }
        return Jdbc.transaction(dataSource, "append " + events.size() + " events", connection -> {
            try (PreparedStatement lock = connection.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
                lock.setLong(1, APPEND_LOCK);
                lock.execute();
            }
            try (PreparedStatement insert = connection.prepareStatement("""
                    INSERT INTO events (message_id, user_id, type, event_time, received_at, payload)
                    VALUES (?, ?, ?, ?, ?, CAST(? AS jsonb))
                    ON CONFLICT (message_id) DO NOTHING""")) {
                for (StoredEvent event : events) {
                    insert.setString(1, event.messageId());
                    Jdbc.setText(insert, 2, event.userId());
                    insert.setString(3, event.type());
                    Jdbc.setTime(insert, 4, event.eventTime());
                    Jdbc.setTime(insert, 5, event.receivedAt());
                    insert.setString(6, event.payload());
                    insert.addBatch();
                }
                return inserted(insert.executeBatch());
            }
        });
    }

    private static List<Boolean> inserted(int[] counts) {
        List<Boolean> inserted = new ArrayList<>(counts.length);
        for (int count : counts) {
            if (count == Statement.SUCCESS_NO_INFO) {
                throw new StoreException("the JDBC driver did not report row counts for a batch: remove "
                        + "reWriteBatchedInserts from the JDBC URL");
            }
            inserted.add(count > 0);
        }
        return inserted;
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
