package dev.herald.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A Herald killed with SIGKILL leaves its embedded PostgreSQL running; the next start stops that server, starts
 * its own on the same data, and finds the events and the interrupted send.
 */
class CrashRecoveryTest {

    private final Path folder = SharedDatabase.temporaryFolder("herald-crash-test");

    @AfterEach
    void removeFolder() {
        SharedDatabase.deleteRecursively(folder);
    }

    @Test
    void aKilledHeraldsDataIsFoundAndItsInterruptedSendIsNotRetried() throws Exception {
        Path data = folder.resolve("postgres");
        Process herald = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"), "-cp",
                System.getProperty("java.class.path"), KilledHerald.class.getName(), data.toString())
                .redirectError(folder.resolve("killed-herald.log").toFile())
                .start();
        try {
            assertThat(readyLine(herald)).as("see " + folder.resolve("killed-herald.log")).startsWith("ready");
        } finally {
            herald.destroyForcibly();
            assertThat(herald.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        long orphan = Long.parseLong(Files.readAllLines(data.resolve("postmaster.pid")).get(0).strip());
        assertThat(ProcessHandle.of(orphan).map(ProcessHandle::isAlive)).as("the server outlives its Herald")
                .contains(true);

        try (Database database = Database.open(DatabaseSettings.embedded(data))) {
            Store store = new Store(database);
            assertThat(ProcessHandle.of(orphan).filter(ProcessHandle::isAlive)).isEmpty();
            assertThat(store.events().forUser("u1", 10)).extracting(StoredEvent::messageId).containsExactly("e1");
            assertThat(store.outbox().recoverInterrupted()).isEqualTo(1);
            assertThat(store.outbox().find("m_469077b6d4e1dadb").orElseThrow().status())
                    .isEqualTo(OutboxStatus.UNKNOWN);
            assertThat(store.outbox().claimDue(Instant.parse("2100-01-01T00:00:00Z"), 10)).isEmpty();
        }
    }

    private static String readyLine(Process process) throws Exception {
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8));
        CompletableFuture<String> line = CompletableFuture.supplyAsync(() -> {
            try {
                return Optional.ofNullable(out.readLine()).orElse("(no output)");
            } catch (IOException e) {
                return e.toString();
            }
        });
        return line.get(90, TimeUnit.SECONDS);
    }

}
