package dev.herald.app.demo;

import static dev.herald.app.HeraldRun.herald;
import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.app.HeraldRun;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code herald demo --exit}: the whole service on the shipped sample, through HTTP, the embedded PostgreSQL, the
 * outbox and real SMTP. It must send exactly what the offline replay of the same log sends (6,942 messages).
 */
class DemoCommandTest {

    @TempDir
    Path dir;

    @Test
    void shouldSendWhatTheReplaySendsThroughTheRealService() throws Exception {
        Path data = dir.resolve("demo");

        HeraldRun run = herald("demo", "--exit", "--port", "0", "--data", data.toString(), "--sample",
                Path.of("..", "samples", "rees46", "2019-Oct-head.csv.gz").toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("Streamed 17,434 events of 4,504 shoppers")
                .contains("Email received by the demo's SMTP server: 6,942").containsPattern("sent\\s+6,942");
        try (var mails = Files.list(data.resolve("mail"))) {
            assertThat(mails.count()).isEqualTo(6_942);
        }
        String first = Files.readString(data.resolve("mail").resolve("00001.eml"));
        assertThat(first).contains("List-Unsubscribe: <http://localhost:").contains("Message-ID: <m_")
                .contains("/t/c/m_");
    }
}
