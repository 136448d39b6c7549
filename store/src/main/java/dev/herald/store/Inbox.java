package dev.herald.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import javax.sql.DataSource;

/** The in-app channel (table {@code inbox}): messages the shop's app lists for a user and marks read. */
public final class Inbox {

    private static final String COLUMNS = "message_id, user_id, title, markdown, call_to_action, url, created_at,"
            + " read_at";

    private final DataSource dataSource;

    public Inbox(DataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    }

    /**
     * Puts the message in the user's inbox unless its id is there already.
     *
     * @return whether it was added
     */
    public boolean add(InboxItem item) {
        return Jdbc.transaction(dataSource, "add message " + item.messageId() + " to the inbox",
                connection -> Jdbc.update(connection, "INSERT INTO inbox (" + COLUMNS + ")"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (message_id) DO NOTHING", insert -> {
                            insert.setString(1, item.messageId());
                            insert.setString(2, item.userId());
                            Jdbc.setText(insert, 3, item.title());
                            Jdbc.setText(insert, 4, item.markdown());
                            Jdbc.setText(insert, 5, item.callToAction());
                            Jdbc.setText(insert, 6, item.url());
                            Jdbc.setTime(insert, 7, item.createdAt());
                            Jdbc.setTime(insert, 8, item.readAt());
                        }) == 1);
    }

    /** The user's messages, the newest first; only the unread ones when asked. */
    public List<InboxItem> list(String userId, boolean unreadOnly, int limit) {
        Jdbc.limit(limit);
        return Jdbc.transaction(dataSource, "read the inbox of user " + userId,
                connection -> list(connection, userId, unreadOnly, limit));
    }

    static List<InboxItem> list(Connection connection, String userId, boolean unreadOnly, int limit)
            throws SQLException {
        return Jdbc.list(connection, "SELECT " + COLUMNS + " FROM inbox WHERE user_id = ?"
                + (unreadOnly ? " AND read_at IS NULL" : "") + " ORDER BY created_at DESC, message_id DESC LIMIT ?",
                query -> {
                    query.setString(1, userId);
                    query.setInt(2, limit);
                }, Inbox::read);
    }

    /**
     * Marks the user's message read. Reading it again keeps the time of the first read.
     *
     * @return whether the user has that message
     */
    public boolean markRead(String userId, String messageId, Instant at) {
        Objects.requireNonNull(at, "at");
        return Jdbc.transaction(dataSource, "mark message " + messageId + " read", connection -> Jdbc.update(
                connection,
                "UPDATE inbox SET read_at = coalesce(read_at, ?) WHERE user_id = ? AND message_id = ?",
                update -> {
                    Jdbc.setTime(update, 1, at);
                    update.setString(2, userId);
                    update.setString(3, messageId);
                }) == 1);
    }

    private static InboxItem read(ResultSet row) throws SQLException {
        return new InboxItem(
                row.getString("message_id"),
                row.getString("user_id"),
                row.getString("title"),
                row.getString("markdown"),
                row.getString("call_to_action"),
                row.getString("url"),
                Jdbc.time(row, "created_at"),
                Jdbc.time(row, "read_at"));
    }
}
