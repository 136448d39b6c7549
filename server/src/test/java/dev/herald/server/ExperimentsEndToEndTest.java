package dev.herald.server;

import static dev.herald.server.HeraldServerTest.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.herald.core.engine.EngineConfig;
import dev.herald.core.experiment.Allocation;
import dev.herald.core.experiment.Assignment;
import dev.herald.core.experiment.Experiment;
import dev.herald.core.experiment.ExperimentSet;
import dev.herald.core.experiment.Guardrail;
import dev.herald.core.experiment.Metric;
import dev.herald.core.experiment.Variant;
import dev.herald.store.DecisionRow;
import dev.herald.store.Exposure;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An experiment through the whole service: carts over HTTP, the engine assigning arms in event time, the holdout's
 * logged decisions without messages, exposures once per user, orders, and the report in the admin API.
 */
class ExperimentsEndToEndTest {

    static final int USERS = 20;
    static final Experiment EXPERIMENT = new Experiment("inbox_test", "abandoned_cart", null,
            List.of(Variant.plain("control", 1), new Variant("later", 1, null, null, Duration.ofMinutes(30))), null,
            0.3, null, null, Metric.CONVERSION, List.of(Guardrail.UNSUBSCRIBE), Duration.ofHours(72),
            new Allocation.Fixed());

    @TempDir
    Path dir;

    static String arm(int user) {
        return EXPERIMENT.assign("u" + user, EXPERIMENT.weights()).variant();
    }

    static String calls(int from, int to, String timestamp, String event, String properties) {
        StringJoiner batch = new StringJoiner(", ", "{\"batch\": [", "]}");
        for (int i = from; i < to; i++) {
            if (event == null) {
                batch.add("{\"type\": \"identify\", \"userId\": \"u" + i + "\", \"messageId\": \"id-" + i
                        + "\", \"timestamp\": \"" + timestamp + "\", \"traits\": {\"consent\": {\"in_app\": true}}}");
            } else {
                batch.add("{\"type\": \"track\", \"userId\": \"u" + i + "\", \"event\": \"" + event
                        + "\", \"messageId\": \"" + event.replace(' ', '-') + "-" + timestamp + "-" + i
                        + "\", \"timestamp\": \"" + timestamp + "\", \"properties\": " + properties.replace("#",
                                Integer.toString(i + 1))
                        + "}");
            }
        }
        return batch.toString();
    }

    static String page(String timestamp) {
        return "{\"batch\": [{\"type\": \"page\", \"userId\": \"clock\", \"messageId\": \"page-" + timestamp
                + "\", \"timestamp\": \"" + timestamp + "\"}]}";
    }

    @Test
    void shouldHoldOutExposeOnceAndReportThroughTheAdminApi() throws Exception {
        EngineConfig config = ServerFixture.config(ServerFixture.CART);
        config = config.withExperiments(ExperimentSet.of(List.of(EXPERIMENT), config.triggers()));
        try (ServerFixture herald = new ServerFixture(dir.resolve("data"), Optional.empty(), config, Map.of())) {
            assertThat(herald.track("/v1/batch", calls(0, USERS, "2024-03-04T10:00:00Z", null, "")).statusCode())
                    .isEqualTo(200);
            assertThat(herald.track("/v1/batch", calls(0, USERS, "2024-03-04T10:01:00Z", "Product Added",
                    "{\"product_id\": \"p1\", \"name\": \"Blue shoes\", \"price\": 80}")).statusCode()).isEqualTo(200);
            // The carts fire at 11:01; the seed policy sends at 11:31, the delayed variant at 12:01; messages expire
            // at 13:01, the end of the window.
            herald.track("/v1/batch", page("2024-03-04T12:45:00Z"));
            eventually(() -> herald.server.store().decisions().recent(100, Optional.of("abandoned_cart"),
                    Optional.empty()), rows -> rows.size() == USERS);
            eventually(herald.server::isIdle, idle -> idle);
            herald.track("/v1/batch", calls(0, USERS / 2, "2024-03-04T14:00:00Z", "Order Completed",
                    "{\"order_id\": \"o#\", \"revenue\": #}"));
            // A day later u0 leaves another cart: a second decision in the same arm, and no second exposure.
            herald.track("/v1/batch", calls(0, 1, "2024-03-05T10:00:00Z", "Product Added",
                    "{\"product_id\": \"p2\", \"name\": \"Red hat\", \"price\": 20}"));
            herald.track("/v1/batch", page("2024-03-05T12:45:00Z"));
            eventually(() -> herald.server.store().decisions().forUser("u0", 10), rows -> rows.size() == 2);
            eventually(herald.server::isIdle, idle -> idle);

            Map<String, Integer> exposed = new HashMap<>();
            Map<String, Integer> converted = new HashMap<>();
            Map<String, Double> revenue = new HashMap<>();
            for (int i = 0; i < USERS; i++) {
                exposed.merge(arm(i), 1, Integer::sum);
                if (i < USERS / 2) {
                    converted.merge(arm(i), 1, Integer::sum);
                    revenue.merge(arm(i), i + 1.0, Double::sum);
                }
            }
            for (int i = 0; i < USERS; i++) {
                String user = "u" + i;
                List<DecisionRow> decisions = herald.server.store().decisions().forUser(user, 10);
                DecisionRow first = decisions.get(decisions.size() - 1);
                assertThat(first.experiment()).isEqualTo("inbox_test");
                assertThat(first.experimentVariant()).isEqualTo(arm(i));
                assertThat(herald.server.store().exposures().find("inbox_test", user))
                        .hasValue(new Exposure("inbox_test", user, arm(i), Instant.parse("2024-03-04T11:01:00Z"),
                                first.id()));
                int inbox = ServerFixture.JSON.readTree(herald.get("/v1/users/" + user + "/inbox",
                        ServerFixture.basic(ServerFixture.WRITE_KEY)).body()).path("messages").size();
                if (arm(i).equals(Assignment.HOLDOUT)) {
                    assertThat(first.outcome()).isEqualTo("suppressed");
                    assertThat(first.reason()).isEqualTo("holdout");
                    assertThat(first.trace()).contains("\"step\": \"experiment\"").contains("\"result\": \"holdout\"");
                    assertThat(herald.server.store().outbox().forUser(user, 10)).isEmpty();
                    assertThat(inbox).as(user).isZero();
                } else {
                    assertThat(first.outcome()).isEqualTo("sent");
                    assertThat(inbox).as(user).isGreaterThanOrEqualTo(1);
                }
            }
            List<DecisionRow> again = herald.server.store().decisions().forUser("u0", 10);
            assertThat(again).extracting(DecisionRow::experimentVariant).containsOnly(arm(0));
            assertThat(herald.server.store().exposures().countByVariant("inbox_test").values().stream()
                    .mapToLong(Long::longValue).sum()).as("one exposure per user").isEqualTo(USERS);

            JsonNode list = herald.admin("/admin/experiments");
            assertThat(list.at("/experiments/0/name").asText()).isEqualTo("inbox_test");
            assertThat(list.at("/experiments/0/status").asText()).isEqualTo("running");
            assertThat(list.at("/experiments/0/variants/1/delay").asText()).isEqualTo("30m");
            JsonNode report = herald.admin("/admin/experiments/inbox_test");
            assertThat(report.at("/experiment/holdout").asDouble()).isEqualTo(0.3);
            JsonNode arms = report.path("arms");
            assertThat(arms).hasSize(3);
            for (JsonNode arm : arms) {
                String name = arm.path("variant").asText();
                boolean held = name.equals(Assignment.HOLDOUT);
                long users = exposed.getOrDefault(name, 0);
                long sent = held ? 0 : users + (name.equals(arm(0)) ? 1 : 0);
                assertThat(arm.path("exposed").asLong()).as(name).isEqualTo(users);
                assertThat(arm.path("sent").asLong()).as(name).isEqualTo(sent);
                assertThat(arm.path("recipients").asLong()).as(name).isEqualTo(held ? 0 : users);
                assertThat(arm.path("converted").asLong()).as(name).isEqualTo((long) converted.getOrDefault(name, 0));
                assertThat(arm.path("revenue").asDouble()).as(name).isEqualTo(revenue.getOrDefault(name, 0.0));
                assertThat(arm.path("role").asText()).isEqualTo(held ? "holdout"
                        : name.equals("control") ? "control" : "treatment");
            }
            assertThat(herald.get("/admin/experiments/nope", "Bearer " + ServerFixture.ADMIN_KEY).statusCode())
                    .isEqualTo(404);
            assertThat(herald.get("/admin/experiments", null).statusCode()).isEqualTo(401);
        }
    }
}
