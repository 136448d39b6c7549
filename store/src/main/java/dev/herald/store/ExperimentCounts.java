package dev.herald.store;

import dev.herald.core.experiment.Experiment;
import dev.herald.core.experiment.VariantCounts;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * Counts what happened in each arm of an experiment, from the exposure log, the decisions, the outbox, the
 * engagement reports and the stored events, read from one snapshot of the database:
 *
 * <ul>
 *   <li>exposed: users in the exposure log with the arm;
 *   <li>sent, recipients: the arm's messages (decisions made in the experiment with the arm, and the messages sent
 *       again on another channel after a contact point failed, whose id is the decision's followed by
 *       {@code -channel}) in the outbox with status {@code sent}, and the users they went to; delivered: those
 *       messages a provider reported delivered;
 *   <li>opened, clicked, unsubscribed, attributed: users with such a report (attributed: {@code converted}) about one
 *       of the arm's messages;
 *   <li>converted, revenue: exposed users with an Order Completed event within the conversion window after their
 *       exposure, and their orders' revenue: the call's {@code properties.revenue}, else {@code total}, else
 *       {@code value}, else the sum of its products' price times quantity, as the Segment parser reads it. Revenue
 *       is summed per user, and the sum of the squares of those per-user sums is kept for the variance.
 * </ul>
 *
 * <p>Works whether {@code events.payload} is {@code jsonb} or {@code json}: it is read through a cast to
 * {@code jsonb}. A stored amount that is not a number counts as no amount.
 */
public final class ExperimentCounts {

    /** A number in text, as PostgreSQL's numeric accepts it; anything else is not cast (it would fail the query). */
    private static final String NUMBER = "'^\\s*[-+]?([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][-+]?[0-9]+)?\\s*$'";

    private static final String MESSAGES = """
            SELECT d.experiment_variant,
                   count(*) FILTER (WHERE o.status = 'sent'),
                   count(DISTINCT o.user_id) FILTER (WHERE o.status = 'sent')
            FROM decisions d JOIN outbox o ON split_part(o.message_id, '-', 1) = d.id
            WHERE d.experiment = ?
            GROUP BY d.experiment_variant""";

    private static final String ENGAGEMENT = """
            SELECT d.experiment_variant,
                   count(DISTINCT e.message_id) FILTER (WHERE e.type = 'delivered'),
                   count(DISTINCT e.user_id) FILTER (WHERE e.type = 'opened'),
                   count(DISTINCT e.user_id) FILTER (WHERE e.type = 'clicked'),
                   count(DISTINCT e.user_id) FILTER (WHERE e.type = 'unsubscribed'),
                   count(DISTINCT e.user_id) FILTER (WHERE e.type = 'converted')
            FROM decisions d JOIN engagement e ON split_part(e.message_id, '-', 1) = d.id
            WHERE d.experiment = ?
            GROUP BY d.experiment_variant""";

    private static final String CONVERSIONS = """
            WITH orders AS (
                SELECT x.variant, x.user_id, CAST(ev.payload AS jsonb) -> 'properties' AS p
                FROM exposures x
                JOIN events ev ON ev.user_id = x.user_id AND ev.type = 'ORDER_COMPLETED'
                     AND ev.event_time >= x.exposed_at AND ev.event_time <= x.exposed_at + make_interval(secs => ?)
                WHERE x.experiment = ?
            ), valued AS (
                SELECT variant, user_id, coalesce(%1$s, %2$s, %3$s, (
                           SELECT sum(%4$s * coalesce(%5$s, 1))
                           FROM jsonb_array_elements(CASE WHEN jsonb_typeof(p -> 'products') = 'array'
                                                          THEN p -> 'products' ELSE '[]'::jsonb END) AS item),
                       0) AS revenue
                FROM orders
            ), users AS (
                SELECT variant, user_id, sum(revenue) AS revenue FROM valued GROUP BY variant, user_id
            )
            SELECT variant, count(*), coalesce(sum(revenue), 0), coalesce(sum(revenue * revenue), 0)
            FROM users GROUP BY variant""".formatted(number("(p ->> 'revenue')"), number("(p ->> 'total')"),
            number("(p ->> 'value')"), number("(item ->> 'price')"), number("(item ->> 'quantity')"));

    private final DataSource dataSource;

    public ExperimentCounts(DataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    }

    private static String number(String text) {
        return "(CASE WHEN " + text + " ~ " + NUMBER + " THEN CAST(" + text + " AS numeric) END)";
    }

    /** The counts of each arm of the experiment, in the order of {@link Experiment#arms()}. */
    public List<VariantCounts> count(Experiment experiment) {
        return Jdbc.transaction(dataSource, "count experiment " + experiment.name(), connection -> {
            connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            Map<String, long[]> exposed = rows(connection, "SELECT variant, count(*) FROM exposures"
                    + " WHERE experiment = ? GROUP BY variant", experiment.name(), 1);
            Map<String, long[]> messages = rows(connection, MESSAGES, experiment.name(), 2);
            Map<String, long[]> engagement = rows(connection, ENGAGEMENT, experiment.name(), 5);
            Map<String, double[]> conversions = conversions(connection, experiment);
            List<VariantCounts> counts = new ArrayList<>();
            for (String arm : experiment.arms()) {
                long[] e = exposed.getOrDefault(arm, new long[1]);
                long[] m = messages.getOrDefault(arm, new long[2]);
                long[] g = engagement.getOrDefault(arm, new long[5]);
                double[] c = conversions.getOrDefault(arm, new double[3]);
                counts.add(new VariantCounts(experiment.name(), arm, experiment.role(arm),
                        experiment.plannedShare(arm), e[0], m[0], g[0], m[1], g[1], g[2], g[3], g[4], (long) c[0],
                        c[1], c[2]));
            }
            return List.copyOf(counts);
        });
    }

    /** Per arm, the query's count columns after the arm in column 1. */
    private static Map<String, long[]> rows(Connection connection, String sql, String experiment, int columns)
            throws SQLException {
        Map<String, long[]> rows = new HashMap<>();
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            query.setString(1, experiment);
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    long[] values = new long[columns];
                    for (int i = 0; i < columns; i++) {
                        values[i] = row.getLong(i + 2);
                    }
                    rows.put(row.getString(1), values);
                }
            }
        }
        return rows;
    }

    /** Per arm: converted users, revenue, and the sum of the squares of per-user revenue. */
    private static Map<String, double[]> conversions(Connection connection, Experiment experiment)
            throws SQLException {
        Map<String, double[]> rows = new HashMap<>();
        try (PreparedStatement query = connection.prepareStatement(CONVERSIONS)) {
            query.setDouble(1, experiment.conversionWindow().toMillis() / 1000.0);
            query.setString(2, experiment.name());
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    rows.put(row.getString(1), new double[] {row.getLong(2), row.getBigDecimal(3).doubleValue(),
                            row.getBigDecimal(4).doubleValue()});
                }
            }
        }
        return rows;
    }
}
