package dev.herald.app.serve;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * Crash tests with the real parts: {@code herald serve} in its own JVM on its embedded PostgreSQL, killed with
 * SIGKILL during ingestion and during sending, restarted on the same data folder (the killed JVM's PostgreSQL still
 * running), then checked through the HTTP API: every acknowledged event is stored, and every message that fell
 * due went out at most once, exactly once unless the kill caught it mid-send (then it is {@code unknown} and never
 * sent again). A failed test leaves its folder, with both servers' logs ({@code herald-1.log}, {@code herald-2.log}).
 */
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class ServeCrashTest {

    /** One transactional webhook message per shipped order, two hours after the event (the seed policy's delay). */
    static final String TRIGGERS = """
            triggers:
              - id: shipped_hook
                name: Order shipped, by webhook
                kind: transactional
                priority: 100
                scope: order
                entry:
                  events: [Order Shipped]
                wait: 0
                urgency: 1d
                reentry: always
                channels: [webhook]
                variants: [default]
                brief:
                  goal: Tell the customer their order is on its way.
            """;

    static final Instant EVENT_TIME = Instant.parse("2024-03-04T10:00:00Z");

    /** The data folders, configuration and the servers' logs; kept when a test fails. */
    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path dir;

    @AfterEach
    void stopLeftoverPostgres() throws InterruptedException {
        HeraldProcess.stopLeftoverPostgres(dir.resolve("data").resolve("postgres"));
    }

    /** A request body of {@code size} events with unique message ids, and the users they are about. */
    record Batch(String body, List<String> messageIds, List<String> users) {}

    @Test
    void shouldKeepEveryAcknowledgedEventWhenKilledDuringIngestion() throws Exception {
        Path config = config(null);
        Path data = dir.resolve("data");
        Queue<Batch> acknowledged = new ConcurrentLinkedQueue<>();
        Queue<Batch> unanswered = new ConcurrentLinkedQueue<>();
        int clients = 4;
        int batchSize = 20;
        try (HeraldProcess herald = HeraldProcess.start(config, data, dir.resolve("herald-1.log"))) {
            AtomicBoolean running = new AtomicBoolean(true);
            ExecutorService senders = Executors.newFixedThreadPool(clients);
            List<Future<?>> loops = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                int client = c;
                loops.add(senders.submit(() -> {
                    for (int n = 0; running.get(); n++) {
                        Batch batch = viewBatch(client, n, batchSize);
                        try {
                            HttpResponse<String> answer = herald.post("/v1/batch", batch.body());
                            if (answer.statusCode() == 200 && HeraldProcess.JSON.readTree(answer.body())
                                    .path("stored").asInt() == batchSize) {
                                acknowledged.add(batch);
                            } else {
                                unanswered.add(batch);
                            }
                        } catch (IOException e) {
                            unanswered.add(batch);
                        }
                    }
                    return null;
                }));
            }
            eventually(acknowledged::size, n -> n >= 300, Duration.ofSeconds(60));
            // The clients finish the requests they are making: those the kill catches get no answer.
            running.set(false);
            herald.kill();
            int atKill = acknowledged.size();
            for (Future<?> loop : loops) {
                loop.get(60, TimeUnit.SECONDS);
            }
            senders.shutdown();
            assertThat(atKill).isGreaterThanOrEqualTo(300);
        }

        try (HeraldProcess herald = HeraldProcess.start(config, data, dir.resolve("herald-2.log"))) {
            List<Batch> acked = List.copyOf(acknowledged);
            List<HttpResponse<String>> again = resend(herald, acked);
            for (int i = 0; i < acked.size(); i++) {
                assertThat(again.get(i).statusCode()).isEqualTo(200);
                JsonNode ack = HeraldProcess.JSON.readTree(again.get(i).body());
                assertThat(ack.path("duplicates").asInt()).as("stored events of acknowledged batch %s, sent again",
                        acked.get(i).messageIds().get(0)).isEqualTo(batchSize);
                assertThat(ack.path("stored").asInt()).isZero();
            }
            List<Batch> lost = List.copyOf(unanswered);
            int storedUnacknowledged = 0;
            for (HttpResponse<String> answer : resend(herald, lost)) {
                assertThat(answer.statusCode()).isEqualTo(200);
                JsonNode ack = HeraldProcess.JSON.readTree(answer.body());
                assertThat(ack.path("stored").asInt()).as("a request is stored whole or not at all")
                        .isIn(0, batchSize);
                storedUnacknowledged += ack.path("stored").asInt() == 0 ? 1 : 0;
            }

            long events = (long) (acked.size() + lost.size()) * batchSize;
            JsonNode stats = eventually(() -> herald.admin("/admin/stats"),
                    s -> s.path("appliedEventSeq").asLong() == s.path("lastEventSeq").asLong(),
                    Duration.ofSeconds(30));
            assertThat(stats.path("lastEventSeq").asLong()).isGreaterThanOrEqualTo(events);
            assertThat(stats.path("appliedEventSeq").asLong()).isEqualTo(stats.path("lastEventSeq").asLong());

            String sampleUser = acked.get(acked.size() / 2).users().get(0);
            Set<String> expected = new HashSet<>();
            for (Batch batch : acked) {
                for (int i = 0; i < batch.users().size(); i++) {
                    if (batch.users().get(i).equals(sampleUser)) {
                        expected.add(batch.messageIds().get(i));
                    }
                }
            }
            JsonNode export = herald.admin("/admin/users/" + sampleUser + "/export");
            Set<String> exported = new HashSet<>();
            export.path("events").forEach(e -> exported.add(e.path("messageId").asText()));
            assertThat(exported).containsAll(expected);

            System.out.printf("ServeCrashTest ingestion: %d events acknowledged before SIGKILL, %d requests"
                    + " unanswered (%d of them stored anyway, whole), every acknowledged event present after"
                    + " restart (last event seq %d)%n", acked.size() * batchSize, lost.size(),
                    storedUnacknowledged, stats.path("lastEventSeq").asLong());
        }
    }

    @Test
    void shouldSendEveryDueMessageAtMostOnceWhenKilledDuringSending() throws Exception {
        int users = 20;
        int ordersPerUser = 20;
        int messages = users * ordersPerUser;
        long queuedAtKill;
        try (WebhookSink sink = new WebhookSink(Duration.ofMillis(20), messages / 3)) {
            Path config = config(sink.url());
            Path data = dir.resolve("data");
            try (HeraldProcess herald = HeraldProcess.start(config, data, dir.resolve("herald-1.log"))) {
                List<String> calls = new ArrayList<>();
                for (int i = 0; i < messages; i++) {
                    int user = i % users;
                    int order = i / users;
                    calls.add("""
                            {"type": "track", "userId": "%s", "event": "Order Shipped", "timestamp": "%s",
                             "messageId": "ship-%d-%d", "properties": {"order_id": "o-%d-%d"}}"""
                            .formatted(shopper(user), EVENT_TIME.plusSeconds(i), user, order, user, order));
                }
                for (int from = 0; from < messages; from += 50) {
                    String body = "{\"batch\": [" + String.join(",", calls.subList(from, from + 50)) + "]}";
                    assertThat(herald.post("/v1/batch", body).statusCode()).isEqualTo(200);
                }
                // Event time passes the send times (two hours after each order): every message falls due.
                assertThat(herald.post("/v1/page", """
                        {"userId": "clock", "timestamp": "%s", "messageId": "clock-1"}"""
                        .formatted(EVENT_TIME.plus(Duration.ofHours(3)))).statusCode()).isEqualTo(200);

                eventually(sink::requests, n -> n > messages / 3, Duration.ofSeconds(60));
                Thread.sleep(200);
                queuedAtKill = total(herald.admin("/admin/stats").path("outbox"));
                herald.kill();
            }
            int answeredBeforeKill = sink.answered();
            int receivedBeforeKill = sink.requests();
            sink.release();

            try (HeraldProcess herald = HeraldProcess.start(config, data, dir.resolve("herald-2.log"))) {
                JsonNode stats = eventually(() -> herald.admin("/admin/stats"), s -> settled(s.path("outbox"),
                        messages), Duration.ofSeconds(60));
                assertThat(stats.path("outbox").properties()).extracting(Map.Entry::getKey)
                        .as("outbox statuses").isSubsetOf("sent", "unknown");

                Map<String, String> outbox = new TreeMap<>();
                for (int user = 0; user < users; user++) {
                    herald.admin("/admin/users/" + shopper(user) + "/messages?limit=1000").path("messages")
                            .forEach(m -> outbox.put(m.path("messageId").asText(), m.path("status").asText()));
                }
                assertThat(outbox).hasSize(messages);

                JsonNode decisions = herald.admin("/admin/decisions?trigger=shipped_hook&limit=1000")
                        .path("decisions");
                Map<String, String> outcomes = new TreeMap<>();
                decisions.forEach(d -> outcomes.put(d.path("id").asText(), d.path("outcome").asText()));
                assertThat(outcomes.keySet()).as("one outbox row per decision").isEqualTo(outbox.keySet());
                Map<String, String> notSent = new TreeMap<>(outcomes);
                notSent.values().removeIf("sent"::equals);
                assertThat(notSent).as("decisions whose message went to the outbox but whose outcome is not sent (of"
                        + " %d)", outcomes.size()).isEmpty();

                Map<String, Integer> received = sink.received();
                assertThat(outbox.keySet()).containsAll(received.keySet());
                int unknown = 0;
                int unknownReceived = 0;
                for (Map.Entry<String, String> row : outbox.entrySet()) {
                    int count = received.getOrDefault(row.getKey(), 0);
                    if (row.getValue().equals("sent")) {
                        assertThat(count).as("times %s (sent) was received", row.getKey()).isEqualTo(1);
                    } else {
                        assertThat(row.getValue()).isEqualTo("unknown");
                        assertThat(count).as("times %s (unknown) was received", row.getKey()).isLessThanOrEqualTo(1);
                        unknown++;
                        unknownReceived += count;
                    }
                }
                assertThat(unknown).as("messages the kill caught mid-send").isPositive();
                System.out.printf("ServeCrashTest sending: %d messages due, %d in the outbox at SIGKILL, when the"
                        + " sink had received %d and answered %d; after restart %d sent exactly once, %d unknown (%d"
                        + " of them had reached the sink, once), none sent twice%n", messages, queuedAtKill,
                        receivedBeforeKill, answeredBeforeKill, messages - unknown, unknown, unknownReceived);
            }
        }
    }

    /** Whether every message is in the outbox and none is waiting or being sent. */
    private static boolean settled(JsonNode outbox, int messages) {
        return total(outbox) == messages && outbox.path("pending").asLong() == 0
                && outbox.path("sending").asLong() == 0;
    }

    /** How many messages the outbox holds, of any status. */
    private static long total(JsonNode outbox) {
        long total = 0;
        for (Map.Entry<String, JsonNode> status : outbox.properties()) {
            total += status.getValue().asLong();
        }
        return total;
    }

    private static String shopper(int user) {
        return "shopper-" + user;
    }

    /** Product views of a few users per client, all at one event time (so none is late), with unique ids. */
    private static Batch viewBatch(int client, int number, int size) {
        List<String> calls = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        List<String> users = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            String id = "view-" + client + "-" + number + "-" + i;
            String user = "viewer-" + client + "-" + (number * size + i) % 25;
            calls.add("""
                    {"type": "track", "userId": "%s", "event": "Product Viewed", "timestamp": "%s",
                     "messageId": "%s", "properties": {"product_id": "p%d", "name": "Item %d", "price": 10}}"""
                    .formatted(user, EVENT_TIME, id, i, i));
            ids.add(id);
            users.add(user);
        }
        return new Batch("{\"batch\": [" + String.join(",", calls) + "]}", ids, users);
    }

    /** Sends the batches again, four at a time; the answers in the batches' order. */
    private static List<HttpResponse<String>> resend(HeraldProcess herald, List<Batch> batches) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<HttpResponse<String>>> answers = new ArrayList<>();
            for (Batch batch : batches) {
                answers.add(pool.submit(() -> herald.post("/v1/batch", batch.body())));
            }
            List<HttpResponse<String>> out = new ArrayList<>();
            for (Future<HttpResponse<String>> answer : answers) {
                out.add(answer.get(60, TimeUnit.SECONDS));
            }
            return out;
        } finally {
            pool.shutdown();
        }
    }

    private Path config(String webhookUrl) throws IOException {
        Path triggers = dir.resolve("triggers.yaml");
        Files.writeString(triggers, TRIGGERS, StandardCharsets.UTF_8);
        StringBuilder yaml = new StringBuilder("""
                server:
                  host: 127.0.0.1
                  write_keys: [%s]
                  admin_key: %s
                  tracking_secret: 0123456789abcdef0123456789abcdef
                engine:
                  triggers: "%s"
                  lateness: 0
                """.formatted(HeraldProcess.WRITE_KEY, HeraldProcess.ADMIN_KEY, triggers));
        if (webhookUrl != null) {
            yaml.append("""
                    webhook:
                      url: %s
                      secret: whsec_crash
                    """.formatted(webhookUrl));
        }
        Path config = dir.resolve("herald.yaml");
        Files.writeString(config, yaml, StandardCharsets.UTF_8);
        return config;
    }

    static <T> T eventually(Callable<T> probe, Predicate<T> done, Duration limit) throws Exception {
        long deadline = System.nanoTime() + limit.toNanos();
        T value = probe.call();
        while (!done.test(value)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not reached in " + limit.toSeconds() + " s; last seen: " + value);
            }
            Thread.sleep(50);
            value = probe.call();
        }
        return value;
    }
}
