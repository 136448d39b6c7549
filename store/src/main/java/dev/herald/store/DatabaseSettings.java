package dev.herald.store;

import java.nio.file.Path;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Where Herald's database is: an external PostgreSQL server (a JDBC URL), or, without one, an embedded PostgreSQL
 * that Herald starts in its data folder.
 *
 * @param jdbcUrl the external server's URL ({@code jdbc:postgresql://host:5432/herald}), or {@code ""} for the
 *     embedded server
 * @param user the user name for the external server, or {@code ""} (the URL's or the driver's default)
 * @param password the password for the external server, or {@code ""}
 * @param dataDir the embedded server's data folder (its PGDATA), kept across restarts; needed without a JDBC URL
 * @param poolSize how many connections the pool holds
 * @param embeddedPort the embedded server's port on localhost, or 0 for any free port
 */
public record DatabaseSettings(
        String jdbcUrl,
        String user,
        String password,
        Path dataDir,
        int poolSize,
        int embeddedPort) {

    /** The pool size when none is given. */
    public static final int DEFAULT_POOL_SIZE = 8;

    /** The largest pool size accepted. */
    public static final int MAX_POOL_SIZE = 200;

    private static final Pattern PASSWORD_PARAMETER = Pattern.compile("(?i)([?&;])password=[^&;]*");

    public DatabaseSettings {
        jdbcUrl = Objects.requireNonNullElse(jdbcUrl, "").strip();
        user = Objects.requireNonNullElse(user, "");
        password = Objects.requireNonNullElse(password, "");
        if (jdbcUrl.isEmpty()) {
            if (dataDir == null) {
                throw new IllegalArgumentException("database.dataDir is missing: the embedded PostgreSQL needs a"
                        + " data folder (or set database.jdbcUrl to use an external server)");
            }
        } else if (!jdbcUrl.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("database.jdbcUrl must be a PostgreSQL JDBC URL starting with"
                    + " jdbc:postgresql:, got " + withoutPassword(jdbcUrl));
        }
        if (poolSize < 1 || poolSize > MAX_POOL_SIZE) {
            throw new IllegalArgumentException(
                    "database.poolSize must be between 1 and " + MAX_POOL_SIZE + ", got " + poolSize);
        }
        if (embeddedPort < 0 || embeddedPort > 65_535) {
            throw new IllegalArgumentException(
                    "database.embeddedPort must be between 0 (any free port) and 65535, got " + embeddedPort);
        }
    }

    /** An embedded PostgreSQL in the given data folder, on a free port, with the default pool. */
    public static DatabaseSettings embedded(Path dataDir) {
        return new DatabaseSettings("", "", "", dataDir, DEFAULT_POOL_SIZE, 0);
    }

    /** An external PostgreSQL server, with the default pool. */
    public static DatabaseSettings external(String jdbcUrl, String user, String password) {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        if (jdbcUrl.isBlank()) {
            throw new IllegalArgumentException("database.jdbcUrl is empty");
        }
        return new DatabaseSettings(jdbcUrl, user, password, null, DEFAULT_POOL_SIZE, 0);
    }

    /** Whether Herald starts an embedded PostgreSQL (there is no JDBC URL). */
    public boolean isEmbedded() {
        return jdbcUrl.isEmpty();
    }

    /** These settings with another pool size. */
    public DatabaseSettings withPoolSize(int size) {
        return new DatabaseSettings(jdbcUrl, user, password, dataDir, size, embeddedPort);
    }

    /** These settings with another embedded port. */
    public DatabaseSettings withEmbeddedPort(int port) {
        return new DatabaseSettings(jdbcUrl, user, password, dataDir, poolSize, port);
    }

    /** The JDBC URL with any password parameter taken out, fit for logs. */
    public String jdbcUrlWithoutPassword() {
        return withoutPassword(jdbcUrl);
    }

    private static String withoutPassword(String url) {
        String cleaned = PASSWORD_PARAMETER.matcher(url).replaceAll("$1");
        return cleaned.replace("?&", "?").replace("&&", "&").replaceAll("[?&]$", "");
    }

    /** The settings without the password. */
    @Override
    public String toString() {
        return "DatabaseSettings[jdbcUrl=" + jdbcUrlWithoutPassword() + ", user=" + user + ", password="
                + (password.isEmpty() ? "" : "***") + ", dataDir=" + dataDir + ", poolSize=" + poolSize
                + ", embeddedPort=" + embeddedPort + "]";
    }
}
