package dev.herald.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Objects;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Herald's database: an embedded PostgreSQL in the data folder, or an external server; the schema brought up to
 * date; a pool of connections. Opening is idempotent: a second open on the same data folder finds the data, and
 * migrations already applied are not run again.
 */
public final class Database implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Database.class);

    private final HikariDataSource pool;
    private final EmbeddedServer server;
    private final String description;

    private Database(HikariDataSource pool, EmbeddedServer server, String description) {
        this.pool = pool;
        this.server = server;
        this.description = description;
    }

    /**
     * Starts the embedded server (without a JDBC URL) or connects to the external one, applies the migrations
     * and opens the pool.
     *
     * @throws StoreException when the server cannot be started or reached, or the schema cannot be migrated
     */
    public static Database open(DatabaseSettings settings) {
        Objects.requireNonNull(settings, "settings");
        EmbeddedServer server = settings.isEmbedded()
                ? EmbeddedServer.start(new DataFolder(settings.dataDir()), settings.embeddedPort(),
                        settings.poolSize())
                : null;
        try {
            HikariDataSource pool = pool(settings, server);
            try {
                Migrations.migrate(pool);
                String description = describe(settings, server, version(pool));
                LOG.info("database: {}", description);
                return new Database(pool, server, description);
            } catch (RuntimeException e) {
                pool.close();
                throw e;
            }
        } catch (RuntimeException e) {
            if (server != null) {
                try {
                    server.close();
                } catch (RuntimeException stop) {
                    e.addSuppressed(stop);
                }
            }
            throw e;
        }
    }

    private static HikariDataSource pool(DatabaseSettings settings, EmbeddedServer server) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("herald-store");
        config.setMaximumPoolSize(settings.poolSize());
        config.setMinimumIdle(Math.min(2, settings.poolSize()));
        if (server != null) {
            config.setJdbcUrl(server.jdbcUrl());
            config.setUsername(EmbeddedServer.USER);
        } else {
            config.setJdbcUrl(settings.jdbcUrl());
            if (!settings.user().isEmpty()) {
                config.setUsername(settings.user());
            }
            if (!settings.password().isEmpty()) {
                config.setPassword(settings.password());
            }
        }
        config.addDataSourceProperty("ApplicationName", "herald");
        try {
            return new HikariDataSource(config);
        } catch (RuntimeException e) {
            String where = server != null ? "the embedded PostgreSQL on port " + server.port()
                    : settings.jdbcUrlWithoutPassword();
            throw new StoreException("could not connect to " + where + ": " + e.getMessage(), e);
        }
    }

    private static String version(DataSource dataSource) {
        return Jdbc.transaction(dataSource, "read the server version", connection -> {
            try (Statement statement = connection.createStatement();
                    ResultSet row = statement.executeQuery("SHOW server_version")) {
                row.next();
                return row.getString(1).split(" ")[0];
            }
        });
    }

    private static String describe(DatabaseSettings settings, EmbeddedServer server, String version) {
        if (server == null) {
            return "PostgreSQL " + version + " at " + settings.jdbcUrlWithoutPassword();
        }
        return "embedded PostgreSQL " + version + " in " + server.folder().path() + " (port " + server.port()
                + ", started in " + server.startup().toMillis() + " ms)";
    }

    /** The pool; connections it gives are in auto-commit mode. */
    public DataSource dataSource() {
        return pool;
    }

    /**
     * What the database is, for logs and the status page, for example {@code embedded PostgreSQL 17.6 in
     * /var/lib/herald/postgres (port 54012, started in 900 ms)} or the JDBC URL without its password.
     */
    public String describe() {
        return description;
    }

    /** Whether the database is the embedded server. */
    public boolean isEmbedded() {
        return server != null;
    }

    /** Whether the database answers. */
    public boolean isReachable() {
        try (Connection connection = pool.getConnection()) {
            return connection.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }

    /** Closes the pool and stops the embedded server; the data stays in the data folder. */
    @Override
    public void close() {
        try {
            pool.close();
        } finally {
            if (server != null) {
                server.close();
            }
        }
    }
}
