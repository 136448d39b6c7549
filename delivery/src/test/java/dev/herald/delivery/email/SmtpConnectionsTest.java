package dev.herald.delivery.email;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.core.profile.Channel;
import dev.herald.core.trigger.MessageKind;
import dev.herald.delivery.Delivery;
import dev.herald.delivery.DeliveryResult;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Connections are reused between messages, checked before reuse, and dropped after a failure. */
class SmtpConnectionsTest {

    private ScriptedSmtpServer server;
    private EmailDeliverer deliverer;

    @BeforeEach
    void start() {
        server = new ScriptedSmtpServer();
        deliverer = new EmailDeliverer(
                SmtpSettings.defaults("127.0.0.1", SmtpSettings.Security.NONE, "news@shop.example")
                        .withPort(server.port()).withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(2)));
    }

    @AfterEach
    void stop() throws IOException {
        deliverer.close();
        server.close();
    }

    private DeliveryResult send(int n) {
        return deliverer.deliver(new Delivery("msg-" + n, "u-17", Channel.EMAIL, MessageKind.TRANSACTIONAL,
                "anna@example.org", EmailDelivererTest.EMAIL, ""));
    }

    @Test
    void messagesShareOneConnection() {
        for (int i = 0; i < 3; i++) {
            assertThat(send(i)).isEqualTo(new DeliveryResult.Accepted("<msg-" + i + "@shop.example>"));
        }

        assertThat(server.connections()).isEqualTo(1);
        assertThat(server.count("MAIL")).isEqualTo(3);
        assertThat(server.count("NOOP")).isEqualTo(2);
    }

    @Test
    void aConnectionIsClosedAfterAFailureAndTheNextMessageOpensANewOne() {
        server.reply("RCPT", "450 4.2.0 Greylisted");
        assertThat(send(1)).isInstanceOf(DeliveryResult.Retry.class);
        server.reply("RCPT", "250 2.1.5 ok");

        assertThat(send(2)).isInstanceOf(DeliveryResult.Accepted.class);

        assertThat(server.connections()).isEqualTo(2);
    }

    @Test
    void aConnectionTheServerGaveUpIsReplaced() {
        assertThat(send(1)).isInstanceOf(DeliveryResult.Accepted.class);
        server.reply("NOOP", "421 4.4.2 idle too long, closing");

        assertThat(send(2)).isInstanceOf(DeliveryResult.Accepted.class);

        assertThat(server.connections()).isEqualTo(2);
    }

    @Test
    void aConnectionIsRetiredAfterItsShareOfMessages() {
        for (int i = 0; i <= SmtpConnections.MAX_MESSAGES_PER_CONNECTION; i++) {
            assertThat(send(i)).isInstanceOf(DeliveryResult.Accepted.class);
        }

        assertThat(server.connections()).isEqualTo(2);
    }

    @Test
    void closingQuitsTheIdleConnections() throws InterruptedException {
        send(1);

        deliverer.close();

        long deadline = System.nanoTime() + Duration.ofSeconds(2).toNanos();
        while (server.count("QUIT") == 0 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(server.count("QUIT")).isEqualTo(1);
    }

    @Test
    void threadsSendAtOnce() throws Exception {
        List<Future<DeliveryResult>> results = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
            for (int i = 0; i < 40; i++) {
                int n = i;
                results.add(pool.submit(() -> send(n)));
            }
        }

        for (Future<DeliveryResult> result : results) {
            assertThat(result.get()).isInstanceOf(DeliveryResult.Accepted.class);
        }
        assertThat(server.count("MAIL")).isEqualTo(40);
        assertThat(server.connections()).isBetween(1, 40);
    }
}
