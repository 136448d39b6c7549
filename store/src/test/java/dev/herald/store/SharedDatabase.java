package dev.herald.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * One embedded PostgreSQL for the whole test run, started on first use and stopped when the JVM exits. Test
 * classes share it and truncate the tables they use before each test.
 */
final class SharedDatabase {

    private static Database database;

    private SharedDatabase() {}

    static synchronized Database get() {
        if (database == null) {
            Path folder = temporaryFolder("herald-store-test");
            database = Database.open(DatabaseSettings.embedded(folder.resolve("postgres")));
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    database.close();
                } catch (RuntimeException e) {
                    // stopped already by the embedded server's own hook
                }
                // the embedded server's own hook may still be stopping it: its last files come late
                for (int attempt = 0; attempt < 50 && Files.exists(folder); attempt++) {
                    deleteRecursively(folder);
                    pause();
                }
            }));
        }
        return database;
    }

    private static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Empties the tables and restarts their ids. */
    static void truncate(String... tables) {
        try (Connection connection = get().dataSource().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("TRUNCATE " + String.join(", ", tables) + " RESTART IDENTITY");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Empties every table of the store. */
    static void truncateAll() {
        truncate("events", "outbox", "decisions", "engagement", "inbox", "checkpoints", "exposures");
    }

    static Path temporaryFolder(String prefix) {
        try {
            return Files.createTempDirectory(prefix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void deleteRecursively(Path folder) {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException e) {
                    // a file the server still writes while it stops; the temporary folder goes with the machine
                }
            });
        } catch (IOException | UncheckedIOException e) {
            // as above
        }
    }
}
