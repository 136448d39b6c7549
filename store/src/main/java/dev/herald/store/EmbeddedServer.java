package dev.herald.store;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PostgreSQL server that Herald runs itself, in its data folder, on localhost. The data outlives the server: a
 * restarted Herald starts the server on the same folder and finds its data.
 *
 * <p>The embedded server library is made for tests and turns durability off by default; Herald turns it back on
 * ({@code fsync}, {@code synchronous_commit}), since an acknowledged event must survive a crash. Nor does it let
 * the library stop the server from a JVM shutdown hook of its own: that hook runs alongside Herald's, and would
 * stop the database under a Herald still finishing its work on SIGTERM. Herald stops it with {@link #close()}.
 */
final class EmbeddedServer implements AutoCloseable {

    /** The user and database of the embedded server. */
    static final String USER = "postgres";

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedServer.class);
    private static final Duration STARTUP_WAIT = Duration.ofSeconds(60);

    private final EmbeddedPostgres postgres;
    private final DataFolder folder;
    private final Duration startup;

    private EmbeddedServer(EmbeddedPostgres postgres, DataFolder folder, Duration startup) {
        this.postgres = postgres;
        this.folder = folder;
        this.startup = startup;
    }

    /**
     * Starts the server in the data folder, creating the database there on first use.
     *
     * @param port the port on localhost, or 0 for a free one
     * @param connections how many connections Herald's pool takes (the server allows a few more)
     */
    static EmbeddedServer start(DataFolder folder, int port, int connections) {
        folder.prepare();
        Optional<String> madeBy = folder.postgresVersion();
        long started = System.nanoTime();
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(folder.path())
                .setCleanDataDirectory(false)
                .setRegisterShutdownHook(false)
                .setPGStartupWait(STARTUP_WAIT)
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("full_page_writes", "on")
                .setServerConfig("max_connections", Integer.toString(connections + 10));
        if (port != 0) {
            builder.setPort(port);
        }
        try {
            EmbeddedPostgres postgres = builder.start();
            Duration startup = Duration.ofNanos(System.nanoTime() - started);
            LOG.info("embedded PostgreSQL started in {} on port {} in {} ms{}", folder.path(), postgres.getPort(),
                    startup.toMillis(), madeBy.isEmpty() ? " (new database)" : "");
            return new EmbeddedServer(postgres, folder, startup);
        } catch (IOException | RuntimeException e) {
            String data = madeBy.map(version -> " (its data was made by PostgreSQL " + version + ")").orElse("");
            throw new StoreException("could not start the embedded PostgreSQL in " + folder.path() + data + ": "
                    + e.getMessage(), e);
        }
    }

    String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + postgres.getPort() + "/" + USER;
    }

    int port() {
        return postgres.getPort();
    }

    DataFolder folder() {
        return folder;
    }

    /** How long the server took to start. */
    Duration startup() {
        return startup;
    }

    /** Stops the server (a fast shutdown: open sessions are ended); the data stays. */
    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new StoreException("could not stop the embedded PostgreSQL in " + folder.path() + ": "
                    + e.getMessage(), e);
        }
    }
}
