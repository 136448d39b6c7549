package dev.herald.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The service end to end: Segment calls in over HTTP, the engine in event time, the outbox, the inbox, admin. */
class HeraldServerTest {

    @TempDir
    Path dir;

    static final String IDENTIFY = """
            {"userId": "u1", "timestamp": "2024-03-04T10:00:00Z",
             "traits": {"firstName": "Anna", "locale": "en", "consent": {"in_app": true}}}""";
    static final String ADDED = """
            {"userId": "u1", "event": "Product Added", "timestamp": "2024-03-04T10:01:00Z", "messageId": "add-1",
             "properties": {"product_id": "p1", "name": "Blue shoes", "price": 80, "currency": "EUR"}}""";
    static final String LATER = """
            {"batch": [{"type": "page", "userId": "u2", "timestamp": "2024-03-04T13:00:00Z", "messageId": "pg-1"}]}""";

    static <T> T eventually(Callable<T> probe, java.util.function.Predicate<T> done) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        T value = probe.call();
        while (!done.test(value) && System.nanoTime() < deadline) {
            Thread.sleep(50);
            value = probe.call();
        }
        return value;
    }

    @Test
    void shouldTurnAnAbandonedCartIntoAnInboxMessageAndSurviveARestart() throws Exception {
        try (ServerFixture herald = new ServerFixture(dir.resolve("data"))) {
            assertThat(herald.track("/v1/identify", IDENTIFY).statusCode()).isEqualTo(200);
            HttpResponse<String> added = herald.track("/v1/track", ADDED);
            assertThat(added.statusCode()).isEqualTo(200);
            assertThat(added.body()).contains("\"stored\":1");
            assertThat(herald.track("/v1/track", ADDED).body()).contains("\"duplicates\":1");
            assertThat(herald.track("/v1/batch", LATER).statusCode()).isEqualTo(200);

            JsonNode inbox = eventually(() -> ServerFixture.JSON.readTree(herald.get("/v1/users/u1/inbox",
                    ServerFixture.basic(ServerFixture.WRITE_KEY)).body()), n -> n.path("messages").size() == 1);
            assertThat(inbox.at("/messages/0/title").asText()).isEqualTo("You left Blue shoes in your cart");
            assertThat(inbox.at("/messages/0/url").asText()).startsWith("http://localhost:8080/t/c/m_");

            JsonNode user = eventually(() -> herald.admin("/admin/users/u1"),
                    u -> u.at("/messages/0/status").asText().equals("sent"));
            assertThat(user.at("/profile/firstName").asText()).isEqualTo("Anna");
            assertThat(user.at("/messages/0/status").asText()).isEqualTo("sent");

            String messageId = user.at("/messages/0/messageId").asText();
            String click = inbox.at("/messages/0/url").asText().replace("http://localhost:8080", "");
            HttpResponse<String> redirect = herald.get(click, null);
            assertThat(redirect.statusCode()).isEqualTo(302);
            assertThat(redirect.headers().firstValue("Location")).hasValue("https://shop.example/cart");
            assertThat(herald.track("/v1/track", """
                    {"userId": "u1", "event": "Order Completed", "timestamp": "2024-03-04T15:00:00Z",
                     "messageId": "order-1", "properties": {"order_id": "o1", "revenue": 80,
                     "products": [{"product_id": "p1", "price": 80}]}}""").statusCode()).isEqualTo(200);
            assertThat(eventually(() -> herald.server.store().engagements().forMessage(messageId),
                    rows -> rows.stream().anyMatch(r -> r.type().equals("converted"))))
                    .extracting(r -> r.type()).contains("clicked", "converted");
            JsonNode decisions = herald.admin("/admin/decisions?trigger=abandoned_cart");
            assertThat(decisions.at("/decisions/0/outcome").asText()).isEqualTo("sent");
            assertThat(decisions.at("/decisions/0/trace").toString()).contains("\"step\":\"eligibility\"")
                    .contains("\"step\":\"write\"");
        }
        try (ServerFixture again = new ServerFixture(dir.resolve("data"))) {
            JsonNode user = again.admin("/admin/users/u1");
            assertThat(user.at("/profile/firstName").asText()).isEqualTo("Anna");
            assertThat(user.path("messages").size()).isEqualTo(1);
            assertThat(again.server.store().engagements().countByType()).containsEntry("converted", 1L);
            Thread.sleep(300);
            assertThat(ServerFixture.JSON.readTree(again.get("/v1/users/u1/inbox",
                    ServerFixture.basic(ServerFixture.WRITE_KEY)).body()).path("messages").size()).isEqualTo(1);
        }
    }

    @Test
    void shouldRefuseBadInputWithAClearErrorAndStoreNothingOfIt() throws Exception {
        try (ServerFixture herald = new ServerFixture(dir.resolve("data"))) {
            assertThat(herald.post("/v1/track", ADDED, null).statusCode()).isEqualTo(401);
            assertThat(herald.post("/v1/track", ADDED, ServerFixture.basic("nope")).statusCode()).isEqualTo(401);

            HttpResponse<String> broken = herald.track("/v1/track", "{\"userId\": ");
            assertThat(broken.statusCode()).isEqualTo(400);
            assertThat(broken.body()).contains("not valid JSON");

            HttpResponse<String> badTime = herald.track("/v1/track", ADDED.replace("2024-03-04T10:01:00Z",
                    "yesterday"));
            assertThat(badTime.statusCode()).isEqualTo(400);
            assertThat(badTime.body()).contains("timestamp");

            String halfBad = "{\"batch\": [" + ADDED + ", {\"type\": \"track\", \"userId\": \"u3\"}]}";
            HttpResponse<String> batch = herald.track("/v1/batch", halfBad);
            assertThat(batch.statusCode()).isEqualTo(400);
            assertThat(batch.body()).contains("batch[1]");
            assertThat(herald.server.store().events().lastSeq()).isZero();

            HttpResponse<String> wrongType = herald.track("/v1/track", ADDED.replace("\"price\": 80",
                    "\"price\": \"eighty\""));
            assertThat(wrongType.statusCode()).isEqualTo(400);
            assertThat(wrongType.body()).contains("price");
            HttpResponse<String> unknownType = herald.post("/v1/batch", "{\"batch\": [{\"type\": \"fax\","
                    + " \"userId\": \"u1\", \"timestamp\": \"2024-03-04T10:00:00Z\"}]}",
                    ServerFixture.basic(ServerFixture.WRITE_KEY));
            assertThat(unknownType.statusCode()).isEqualTo(400);
            assertThat(unknownType.body()).contains("batch[0]").contains("fax");

            HttpResponse<String> badPhone = herald.track("/v1/identify", """
                    {"userId": "u5", "timestamp": "2024-03-04T10:00:00Z",
                     "traits": {"email": "not-an-address", "phone": "12"}}""");
            assertThat(badPhone.statusCode()).isEqualTo(400);
            assertThat(badPhone.body()).contains("traits.email").contains("traits.phone");
            assertThat(herald.server.store().events().lastSeq()).isZero();

            HttpResponse<String> huge = herald.track("/v1/track", "{\"userId\": \"u1\", \"event\": \"x\", \"pad\": \""
                    + "a".repeat(40_000) + "\"}");
            assertThat(huge.statusCode()).isEqualTo(413);

            assertThat(herald.get("/t/c/m_1/aHR0cHM6Ly9ldmlsLmV4YW1wbGU/forged", null).statusCode())
                    .isEqualTo(404);
            assertThat(herald.get("/admin/triggers", "Bearer wrong").statusCode()).isEqualTo(401);
            assertThat(herald.admin("/admin/triggers").at("/triggers/0/id").asText()).isEqualTo("abandoned_cart");
            assertThat(herald.get("/health", null).body()).contains("\"status\":\"ok\"");
            assertThat(herald.get("/metrics", null).body()).contains("herald_outbox_pending");
        }
    }

}
