package dev.herald.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Every decision the engine made, scheduled or suppressed, with its trace (table {@code decisions}). A decision
 * is written when it is made and again as it moves on (sent, cancelled), by id. A decision made in an experiment
 * keeps its experiment and arm once written.
 */
public final class DecisionLog {

    private static final String COLUMNS = "id, user_id, trigger_id, outcome, reason, channel, send_at, variant,"
            + " propensity, policy, trace, content, updated_at, experiment, experiment_variant";

    private final DataSource dataSource;

    public DecisionLog(DataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    }

    /**
     * Inserts the decisions, or updates those whose id is stored, in one transaction. A row without content keeps
     * the content stored before.
     */
    public void upsert(List<DecisionRow> decisions) {
        if (decisions.isEmpty()) {
            return;
        }
        Jdbc.transaction(dataSource, "write " + decisions.size() + " decisions", connection -> {
            try (PreparedStatement upsert = connection.prepareStatement("INSERT INTO decisions (" + COLUMNS + ")"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, CAST(? AS jsonb), CAST(? AS jsonb), ?, ?, ?)" + """
                            ON CONFLICT (id) DO UPDATE SET
                               user_id = EXCLUDED.user_id, trigger_id = EXCLUDED.trigger_id, outcome = EXCLUDED.outcome,
                               reason = EXCLUDED.reason, channel = EXCLUDED.channel, send_at = EXCLUDED.send_at,
                               variant = EXCLUDED.variant, propensity = EXCLUDED.propensity, policy = EXCLUDED.policy,
                               trace = EXCLUDED.trace, content = coalesce(EXCLUDED.content, decisions.content),
                               updated_at = EXCLUDED.updated_at,
                               experiment = coalesce(EXCLUDED.experiment, decisions.experiment),
                               experiment_variant = coalesce(EXCLUDED.experiment_variant, decisions.experiment_variant)
                            """)) {
                for (DecisionRow decision : decisions) {
                    upsert.setString(1, decision.id());
                    upsert.setString(2, decision.userId());
                    upsert.setString(3, decision.triggerId());
                    upsert.setString(4, decision.outcome());
                    Jdbc.setText(upsert, 5, decision.reason());
                    Jdbc.setText(upsert, 6, decision.channel());
                    Jdbc.setTime(upsert, 7, decision.sendAt());
                    Jdbc.setText(upsert, 8, decision.variant());
                    upsert.setDouble(9, decision.propensity());
                    Jdbc.setText(upsert, 10, decision.policy());
                    upsert.setString(11, decision.trace());
                    Jdbc.setText(upsert, 12, decision.content());
                    Jdbc.setTime(upsert, 13, decision.updatedAt());
                    Jdbc.setText(upsert, 14, decision.experiment());
                    Jdbc.setText(upsert, 15, decision.experimentVariant());
                    upsert.addBatch();
                }
                upsert.executeBatch();
            }
            return null;
        });
    }

    /** The decision with the given id. */
    public Optional<DecisionRow> find(String id) {
        return Jdbc.transaction(dataSource, "read decision " + id, connection -> Jdbc.one(connection,
                "SELECT " + COLUMNS + " FROM decisions WHERE id = ?", query -> query.setString(1, id),
                DecisionLog::read));
    }

    /** The user's decisions, the last changed first. */
    public List<DecisionRow> forUser(String userId, int limit) {
        Jdbc.limit(limit);
        return Jdbc.transaction(dataSource, "read the decisions of user " + userId,
                connection -> forUser(connection, userId, limit));
    }

    static List<DecisionRow> forUser(Connection connection, String userId, int limit) throws SQLException {
        return Jdbc.list(connection, "SELECT " + COLUMNS
                + " FROM decisions WHERE user_id = ? ORDER BY updated_at DESC, id DESC LIMIT ?", query -> {
                    query.setString(1, userId);
                    query.setInt(2, limit);
                }, DecisionLog::read);
    }

    /** The last changed decisions, first the latest, of one trigger and one outcome when given. */
    public List<DecisionRow> recent(int limit, Optional<String> trigger, Optional<String> outcome) {
        Jdbc.limit(limit);
        List<String> values = new ArrayList<>();
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM decisions WHERE true");
        trigger.ifPresent(value -> {
            sql.append(" AND trigger_id = ?");
            values.add(value);
        });
        outcome.ifPresent(value -> {
            sql.append(" AND outcome = ?");
            values.add(value);
        });
        sql.append(" ORDER BY updated_at DESC, id DESC LIMIT ?");
        return Jdbc.transaction(dataSource, "read recent decisions", connection -> Jdbc.list(connection,
                sql.toString(), query -> {
                    int index = 1;
                    for (String value : values) {
                        query.setString(index++, value);
                    }
                    query.setInt(index, limit);
                }, DecisionLog::read));
    }

    private static DecisionRow read(ResultSet row) throws SQLException {
        return new DecisionRow(
                row.getString("id"),
                row.getString("user_id"),
                row.getString("trigger_id"),
                row.getString("outcome"),
                row.getString("reason"),
                row.getString("channel"),
                Jdbc.time(row, "send_at"),
                row.getString("variant"),
                row.getDouble("propensity"),
                row.getString("policy"),
                row.getString("trace"),
                row.getString("content"),
                Jdbc.time(row, "updated_at"),
                row.getString("experiment"),
                row.getString("experiment_variant"));
    }
}
