package dev.herald.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/** Plain JDBC helpers: one transaction per call, times as {@code timestamptz}, JSON as {@code jsonb}. */
final class Jdbc {

    /** Work done on one connection inside a transaction. */
    @FunctionalInterface
    interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    /** Sets a statement's parameters. */
    @FunctionalInterface
    interface Parameters {
        void set(PreparedStatement statement) throws SQLException;
    }

    /** Reads the current row of a result. */
    @FunctionalInterface
    interface RowReader<T> {
        T read(ResultSet row) throws SQLException;
    }

    private Jdbc() {}

    /** Runs a query and reads every row. */
    static <T> List<T> list(Connection connection, String sql, Parameters parameters, RowReader<T> reader)
            throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            parameters.set(query);
            List<T> list = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    list.add(reader.read(rows));
                }
            }
            return list;
        }
    }

    /** Runs a query that returns at most one row. */
    static <T> Optional<T> one(Connection connection, String sql, Parameters parameters, RowReader<T> reader)
            throws SQLException {
        List<T> list = list(connection, sql, parameters, reader);
        return list.isEmpty() ? Optional.empty() : Optional.of(list.get(0));
    }

    /** Runs an INSERT, UPDATE or DELETE and returns the number of rows it changed. */
    static int update(Connection connection, String sql, Parameters parameters) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            parameters.set(statement);
            return statement.executeUpdate();
        }
    }

    /**
     * Runs the work in one transaction: commits when it returns, rolls back when it throws.
     *
     * @param what what the work does, for the message of a failure ("append events")
     * @throws StoreException when the database fails
     */
    static <T> T transaction(DataSource dataSource, String what, Work<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException | Error e) {
                rollback(connection, e);
                throw e;
            }
        } catch (SQLException e) {
            throw new StoreException("could not " + what + ": " + e.getMessage(), e);
        }
    }

    private static void rollback(Connection connection, Throwable failure) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            failure.addSuppressed(e);
        }
    }

    /** Sets a {@code timestamptz} parameter; {@code null} sets SQL NULL. */
    static void setTime(PreparedStatement statement, int index, Instant time) throws SQLException {
        if (time == null) {
            statement.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            statement.setObject(index, time.atOffset(ZoneOffset.UTC));
        }
    }

    /** Reads a {@code timestamptz} column; SQL NULL reads as {@code null}. */
    static Instant time(ResultSet row, String column) throws SQLException {
        OffsetDateTime time = row.getObject(column, OffsetDateTime.class);
        return time == null ? null : time.toInstant();
    }

    /** Sets a text parameter that the statement casts to {@code jsonb}; {@code null} sets SQL NULL. */
    static void setText(PreparedStatement statement, int index, String text) throws SQLException {
        if (text == null) {
            statement.setNull(index, Types.VARCHAR);
        } else {
            statement.setString(index, text);
        }
    }

    /** Runs a {@code SELECT key, count(*) ... GROUP BY key} query into a map in the query's order. */
    static Map<String, Long> counts(Connection connection, String sql) throws SQLException {
        Map<String, Long> counts = new LinkedHashMap<>();
        try (PreparedStatement statement = connection.prepareStatement(sql);
                ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                counts.put(rows.getString(1), rows.getLong(2));
            }
        }
        return counts;
    }

    /** Checks a row limit. */
    static int limit(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, got " + limit);
        }
        return limit;
    }
}
