package dev.herald.server.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.core.profile.Channel;
import dev.herald.delivery.Deliverer;
import dev.herald.delivery.Delivery;
import dev.herald.delivery.DeliveryResult;
import dev.herald.server.track.TrackingLinks;
import dev.herald.store.Database;
import dev.herald.store.DatabaseSettings;
import dev.herald.store.OutboxEntry;
import dev.herald.store.OutboxStatus;
import dev.herald.store.Store;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The dispatcher against a real outbox: sent, retried, failed with an invalid contact, expired, held back. */
class DispatcherTest {

    @TempDir
    static Path dir;

    static Database database;
    static Store store;
    static final Instant NOW = Instant.parse("2024-03-04T10:00:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, java.time.ZoneOffset.UTC);

    @BeforeAll
    static void open() {
        database = Database.open(DatabaseSettings.embedded(dir.resolve("pg")));
        store = new Store(database);
    }

    @AfterAll
    static void close() {
        database.close();
    }

    static OutboxEntry entry(String id, Instant expires) {
        return OutboxEntry.pending(id, "u-" + id, "t", "webhook", "transactional", "u-" + id,
                "{\"type\": \"in_app\", \"title\": \"T\", \"markdown\": \"M\", \"callToAction\": \"C\","
                        + " \"url\": \"https://shop.example\"}",
                NOW.minusSeconds(1), expires);
    }

    static Deliverer deliverer(Function<Delivery, DeliveryResult> answer) {
        return new Deliverer() {
            @Override
            public Channel channel() {
                return Channel.WEBHOOK;
            }

            @Override
            public DeliveryResult deliver(Delivery delivery) {
                return answer.apply(delivery);
            }
        };
    }

    static OutboxStatus statusOf(String id) {
        return store.outbox().find(id).orElseThrow().status();
    }

    static void until(java.util.function.BooleanSupplier done) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!done.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
    }

    @Test
    void shouldSendRetryFailAndExpireAsTheProviderAnswers() throws Exception {
        store.outbox().enqueue(entry("ok", null));
        store.outbox().enqueue(entry("busy", null));
        store.outbox().enqueue(entry("bad", null));
        store.outbox().enqueue(entry("late", NOW.minusSeconds(60)));
        List<Dispatcher.InvalidContact> invalid = new CopyOnWriteArrayList<>();
        Deliverer provider = deliverer(d -> switch (d.messageId()) {
            case "ok" -> new DeliveryResult.Accepted("p-1");
            case "busy" -> new DeliveryResult.Retry("503", Duration.ofMinutes(5));
            default -> new DeliveryResult.Rejected("410 gone", true);
        });

        Dispatcher dispatcher = new Dispatcher(store.outbox(), Map.of(Channel.WEBHOOK, provider),
                new TrackingLinks("https://t.example", "0123456789abcdef0123456789abcdef"), CLOCK, invalid::add,
                new SimpleMeterRegistry()).start();
        try {
            until(() -> store.outbox().pendingCount() == 1 && invalid.size() == 1);
        } finally {
            dispatcher.close();
        }

        assertThat(statusOf("ok")).isEqualTo(OutboxStatus.SENT);
        assertThat(statusOf("late")).isEqualTo(OutboxStatus.EXPIRED);
        assertThat(statusOf("bad")).isEqualTo(OutboxStatus.FAILED);
        OutboxEntry busy = store.outbox().find("busy").orElseThrow();
        assertThat(busy.status()).isEqualTo(OutboxStatus.PENDING);
        assertThat(busy.nextAttemptAt()).isEqualTo(NOW.plus(Duration.ofMinutes(5)));
        assertThat(invalid).extracting(Dispatcher.InvalidContact::messageId).containsExactly("bad");
    }

    @Test
    void shouldStopCallingAProviderThatKeepsFailingAndHoldItsMessages() throws Exception {
        for (int i = 0; i < 30; i++) {
            store.outbox().enqueue(entry("f" + i, null));
        }
        int[] calls = {0};
        Deliverer down = deliverer(d -> {
            synchronized (calls) {
                calls[0]++;
            }
            return new DeliveryResult.Retry("connection refused", Duration.ZERO);
        });

        Dispatcher dispatcher = new Dispatcher(store.outbox(), Map.of(Channel.WEBHOOK, down),
                new TrackingLinks("https://t.example", "0123456789abcdef0123456789abcdef"), CLOCK, c -> {},
                new SimpleMeterRegistry()).start();
        try {
            until(() -> store.outbox().forUser("u-f29", 1).get(0).attempts() > 0);
            Thread.sleep(200);
        } finally {
            dispatcher.close();
        }

        assertThat(calls[0]).isLessThan(30);
        assertThat(store.outbox().find("f29").orElseThrow().lastError()).contains("circuit is open");
    }

    @Test
    void shouldBackOffExponentially() {
        assertThat(Dispatcher.backoff(1)).isEqualTo(Duration.ofSeconds(5));
        assertThat(Dispatcher.backoff(3)).isEqualTo(Duration.ofSeconds(20));
        assertThat(Dispatcher.backoff(12)).isEqualTo(Duration.ofMinutes(10));
    }
}
