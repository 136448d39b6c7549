package dev.herald.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The exposure log (table {@code exposures}): each user's first exposure to each experiment. Recording is
 * idempotent: a user's later exposures to the same experiment (another occurrence, a replay after a restart) leave
 * the first one as it is.
 */
public final class Exposures {

    private static final String COLUMNS = "experiment, user_id, variant, exposed_at, decision_id";

    private final DataSource dataSource;

    public Exposures(DataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    }

    /** Records the exposures in one transaction; a user already exposed to the experiment keeps the first. */
    public void record(List<Exposure> exposures) {
        if (exposures.isEmpty()) {
            return;
        }
        Jdbc.transaction(dataSource, "record " + exposures.size() + " exposures", connection -> {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO exposures (" + COLUMNS
                    + ") VALUES (?, ?, ?, ?, ?) ON CONFLICT (experiment, user_id) DO NOTHING")) {
                for (Exposure exposure : exposures) {
                    insert.setString(1, exposure.experiment());
                    insert.setString(2, exposure.userId());
                    insert.setString(3, exposure.variant());
                    Jdbc.setTime(insert, 4, exposure.exposedAt());
                    insert.setString(5, exposure.decisionId());
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            return null;
        });
    }

    /** The user's exposure to the experiment. */
    public Optional<Exposure> find(String experiment, String userId) {
        return Jdbc.transaction(dataSource, "read the exposure of user " + userId + " to " + experiment,
                connection -> Jdbc.one(connection, "SELECT " + COLUMNS
                        + " FROM exposures WHERE experiment = ? AND user_id = ?", query -> {
                            query.setString(1, experiment);
                            query.setString(2, userId);
                        }, Exposures::read));
    }

    /** How many users were exposed to each arm of the experiment; arms with none are left out. */
    public Map<String, Long> countByVariant(String experiment) {
        return Jdbc.transaction(dataSource, "count the exposures to " + experiment, connection -> {
            try (PreparedStatement query = connection.prepareStatement(
                    "SELECT variant, count(*) FROM exposures WHERE experiment = ? GROUP BY variant ORDER BY variant")) {
                query.setString(1, experiment);
                Map<String, Long> counts = new java.util.LinkedHashMap<>();
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        counts.put(rows.getString(1), rows.getLong(2));
                    }
                }
                return counts;
            }
        });
    }

    static List<Exposure> forUser(Connection connection, String userId) throws SQLException {
        return Jdbc.list(connection, "SELECT " + COLUMNS + " FROM exposures WHERE user_id = ?"
                + " ORDER BY exposed_at DESC, experiment", query -> query.setString(1, userId), Exposures::read);
    }

    private static Exposure read(ResultSet row) throws SQLException {
        return new Exposure(row.getString("experiment"), row.getString("user_id"), row.getString("variant"),
                Jdbc.time(row, "exposed_at"), row.getString("decision_id"));
    }
}
