package dev.herald.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DatabaseTest {

    private static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");

    private final Path folder = SharedDatabase.temporaryFolder("herald-database-test");

    @AfterEach
    void removeFolder() {
        SharedDatabase.deleteRecursively(folder);
    }

    @Test
    void aReopenedDataFolderKeepsItsDataAndIsNotMigratedAgain() throws SQLException {
        Path data = folder.resolve("postgres");
        try (Database database = Database.open(DatabaseSettings.embedded(data))) {
            assertThat(database.isEmbedded()).isTrue();
            assertThat(database.describe()).startsWith("embedded PostgreSQL 17").contains(data.toString())
                    .contains("(port ");
            Store store = new Store(database);
            store.events().append(List.of(StoredEvent.of("e1", "u1", "identify", T0, T0, "{}")));
            store.checkpoints().save(1, T0, new byte[] {4, 2});
            assertThat(text(database.dataSource(), "SHOW fsync")).isEqualTo("on");
            assertThat(text(database.dataSource(), "SHOW synchronous_commit")).isEqualTo("on");

            assertThatThrownBy(() -> Database.open(DatabaseSettings.embedded(data)))
                    .isInstanceOf(StoreException.class)
                    .hasMessageContaining("in use");
        }
        assertThat(data.resolve("PG_VERSION")).exists();

        try (Database database = Database.open(DatabaseSettings.embedded(data))) {
            Store store = new Store(database);
            assertThat(store.events().lastSeq()).isEqualTo(1);
            assertThat(store.events().forUser("u1", 10)).extracting(StoredEvent::messageId).containsExactly("e1");
            assertThat(store.checkpoints().latest().orElseThrow().state()).containsExactly(4, 2);
            assertThat(text(database.dataSource(), "SELECT count(*) FROM flyway_schema_history WHERE success"))
                    .as("each migration applied once").isEqualTo("3");
        }
    }

    @Test
    void aFolderWithOtherFilesIsRefused() throws IOException {
        Path data = Files.createDirectories(folder.resolve("mine"));
        Files.writeString(data.resolve("notes.txt"), "mine");
        Path file = Files.writeString(folder.resolve("a-file"), "x");

        assertThatThrownBy(() -> Database.open(DatabaseSettings.embedded(data)))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("is not empty and holds no PostgreSQL data");
        assertThatThrownBy(() -> Database.open(DatabaseSettings.embedded(file)))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("is a file");
        assertThat(data.resolve("notes.txt")).hasContent("mine");
        Path binaries = Path.of(System.getProperty("java.io.tmpdir"), "embedded-pg", "herald");
        assertThatThrownBy(() -> Database.open(DatabaseSettings.embedded(binaries)))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("binaries");
    }

    @Test
    void anExternalServerIsReachedByItsJdbcUrl() throws SQLException {
        String port = text(SharedDatabase.get().dataSource(), "SELECT inet_server_port()");
        String url = "jdbc:postgresql://localhost:" + port + "/postgres?password=s3cret";

        try (Database database = Database.open(DatabaseSettings.external(url, "postgres", "").withPoolSize(2))) {
            assertThat(database.isEmbedded()).isFalse();
            assertThat(database.isReachable()).isTrue();
            assertThat(database.describe()).isEqualTo(
                    "PostgreSQL " + text(database.dataSource(), "SHOW server_version").split(" ")[0]
                            + " at jdbc:postgresql://localhost:" + port + "/postgres");
            assertThat(text(database.dataSource(), "SELECT count(*) FROM flyway_schema_history WHERE success"))
                    .as("each migration applied once").isEqualTo("3");
        }
        assertThat(SharedDatabase.get().isReachable()).as("closing an external database stops nothing").isTrue();
    }

    @Test
    void anUnreachableServerIsReportedWithoutThePassword() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        String url = "jdbc:postgresql://localhost:" + port + "/herald?password=s3cret&connectTimeout=2";

        assertThatThrownBy(() -> Database.open(DatabaseSettings.external(url, "herald", "pw")))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("could not connect to jdbc:postgresql://localhost:" + port)
                .hasMessageNotContaining("s3cret");
    }

    static String text(DataSource dataSource, String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getString(1);
        }
    }
}
