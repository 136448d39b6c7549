package dev.herald.store;

import java.sql.Connection;
import java.util.List;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * A user's data across the tables, for an admin's export and deletion requests. Checkpoints are not touched: they
 * are the engine's snapshot of all users, and forget a deleted user once the engine has and two newer ones exist.
 */
public final class Users {

    private static final List<String> TABLES = List.of("events", "decisions", "outbox", "engagement", "inbox",
            "exposures");

    private final DataSource dataSource;

    public Users(DataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    }

    /** Everything the store holds about the user, read from one snapshot of the database. */
    public UserData export(String userId) {
        Objects.requireNonNull(userId, "userId");
        return Jdbc.transaction(dataSource, "export the data of user " + userId, connection -> {
            connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            int all = Integer.MAX_VALUE;
            return new UserData(userId,
                    EventLog.forUser(connection, userId, all),
                    DecisionLog.forUser(connection, userId, all),
                    Outbox.forUser(connection, userId, all),
                    Engagements.forUser(connection, userId, all),
                    Inbox.list(connection, userId, false, all),
                    Exposures.forUser(connection, userId));
        });
    }

    /**
     * Deletes every row about the user from every table, in one transaction.
     *
     * @return how many rows were deleted
     */
    public int delete(String userId) {
        Objects.requireNonNull(userId, "userId");
        return Jdbc.transaction(dataSource, "delete the data of user " + userId, connection -> {
            int deleted = 0;
            for (String table : TABLES) {
                deleted += Jdbc.update(connection, "DELETE FROM " + table + " WHERE user_id = ?",
                        delete -> delete.setString(1, userId));
            }
            return deleted;
        });
    }
}
