package dev.herald.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * What happened to the messages Herald sent (table {@code engagement}): every report is kept, repeated opens and
 * clicks included.
 */
public final class Engagements {

    private static final String COLUMNS = "id, message_id, user_id, type, channel, at, revenue, detail";

    private final DataSource dataSource;

    public Engagements(DataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    }

    /** Stores the reports in one transaction; a conversion of an order already recorded is left out. */
    public void record(List<EngagementRow> reports) {
        if (reports.isEmpty()) {
            return;
        }
        Jdbc.transaction(dataSource, "record " + reports.size() + " engagement reports", connection -> {
            try (PreparedStatement insert = connection.prepareStatement("""
                    INSERT INTO engagement (message_id, user_id, type, channel, at, revenue, detail)
                    VALUES (?, ?, ?, ?, ?, ?, CAST(? AS jsonb))
                    ON CONFLICT DO NOTHING""")) {
                for (EngagementRow report : reports) {
                    Jdbc.setText(insert, 1, report.messageId());
                    insert.setString(2, report.userId());
                    insert.setString(3, report.type());
                    Jdbc.setText(insert, 4, report.channel());
                    Jdbc.setTime(insert, 5, report.at());
                    insert.setBigDecimal(6, report.revenue());
                    Jdbc.setText(insert, 7, report.detail());
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            return null;
        });
    }

    /** The reports about one message, in the order they happened. */
    public List<EngagementRow> forMessage(String messageId) {
        return Jdbc.transaction(dataSource, "read the engagement with message " + messageId,
                connection -> Jdbc.list(connection,
                        "SELECT " + COLUMNS + " FROM engagement WHERE message_id = ? ORDER BY at, id",
                        query -> query.setString(1, messageId), Engagements::read));
    }

    /** The user's reports, the latest first. */
    public List<EngagementRow> forUser(String userId, int limit) {
        Jdbc.limit(limit);
        return Jdbc.transaction(dataSource, "read the engagement of user " + userId,
                connection -> forUser(connection, userId, limit));
    }

    static List<EngagementRow> forUser(Connection connection, String userId, int limit) throws SQLException {
        return Jdbc.list(connection,
                "SELECT " + COLUMNS + " FROM engagement WHERE user_id = ? ORDER BY at DESC, id DESC LIMIT ?",
                query -> {
                    query.setString(1, userId);
                    query.setInt(2, limit);
                }, Engagements::read);
    }

    /** How many reports there are of each type; types with none are left out. */
    public Map<String, Long> countByType() {
        return Jdbc.transaction(dataSource, "count engagement by type", connection -> Jdbc.counts(connection,
                "SELECT type, count(*) FROM engagement GROUP BY type ORDER BY type"));
    }

    private static EngagementRow read(ResultSet row) throws SQLException {
        return new EngagementRow(
                row.getLong("id"),
                row.getString("message_id"),
                row.getString("user_id"),
                row.getString("type"),
                row.getString("channel"),
                Jdbc.time(row, "at"),
                row.getBigDecimal("revenue"),
                row.getString("detail"));
    }
}
