package dev.herald.app.experiments;

import static dev.herald.app.HeraldRun.herald;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.herald.app.HeraldRun;
import dev.herald.app.triggers.Definitions;
import dev.herald.app.triggers.TriggerFile;
import dev.herald.core.content.TemplateWriter;
import dev.herald.core.engine.EngineConfig;
import dev.herald.core.policy.Policies;
import dev.herald.server.HeraldServer;
import dev.herald.server.ServerSettings;
import dev.herald.server.runtime.EngineRunner;
import dev.herald.store.DatabaseSettings;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code herald experiments}: the example, the list, and the report of an experiment run through a real service on
 * the embedded PostgreSQL, which must say what the admin API said while the service ran.
 */
class ExperimentsCommandTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String EXPERIMENTS = """
            experiments:
              - name: cart_copy
                trigger: abandoned_cart
                variants:
                  - {name: control, weight: 1}
                  - {name: short, weight: 1, content: default, delay: 10m}
                holdout: 25%
                conversion_window: 48h
            """;

    @TempDir
    Path dir;

    @Test
    void shouldPrintAnExampleThatLoads() throws Exception {
        Path file = dir.resolve("experiments.yaml");

        HeraldRun example = herald("experiments", "example");
        Files.writeString(file, example.out());
        HeraldRun list = herald("experiments", "list", "--experiments", file.toString());

        assertThat(example.exitCode()).isZero();
        assertThat(example.out()).startsWith("# Experiments on Herald's shipped triggers");
        assertThat(list.exitCode()).as(list.err()).isZero();
        assertThat(list.out()).containsPattern("cart_copy\\s+ended\\s+on abandoned_cart\\s+variants \\[control 1, "
                + "in_app_later 1], holdout 10.0%, from 2024-05-01T00:00:00Z, until 2024-06-01T00:00:00Z")
                .containsPattern("price_drop_timing\\s+running\\s+on price_drop");
    }

    @Test
    void shouldRefuseAnUnknownExperimentOrAMissingDatabase() throws Exception {
        Path file = Files.writeString(dir.resolve("experiments.yaml"), EXPERIMENTS);

        HeraldRun unknown = herald("experiments", "report", "nope", "--experiments", file.toString());
        HeraldRun missing = herald("experiments", "report", "cart_copy", "--experiments", file.toString(), "--data",
                dir.resolve("nothing").toString());

        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).contains("no experiment \"nope\"; the experiments are [cart_copy]");
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("no Herald database in " + dir.resolve("nothing").resolve("postgres")
                .toAbsolutePath());
    }

    @Test
    void shouldReportWhatTheServiceCountedAsATableAndAsJson() throws Exception {
        Path experiments = Files.writeString(dir.resolve("experiments.yaml"), EXPERIMENTS);
        Path data = dir.resolve("data");
        Definitions definitions = TriggerFile.definitions(Optional.empty(), Optional.of(experiments));
        EngineConfig config = definitions.applyTo(EngineConfig.defaults(definitions.triggers(),
                Policies.find("seed").orElseThrow())).withLateness(Duration.ZERO);
        JsonNode served;
        try (HeraldServer server = HeraldServer.start(new ServerSettings("127.0.0.1", 0, "http://localhost:8080",
                List.of("wk"), "ak", "0123456789abcdef0123456789abcdef", EngineRunner.ClockMode.EVENT,
                Duration.ofMinutes(1), DatabaseSettings.embedded(data.resolve("postgres")), "DE"), config,
                new TemplateWriter("Shop", "https://shop.example"), Map.of(), Clock.systemUTC(),
                HeraldServer.metricsRegistry())) {
            String base = "http://127.0.0.1:" + server.port();
            post(base, batch(12, "identify", "2024-03-04T10:00:00Z", ""));
            post(base, batch(12, "Product Added", "2024-03-04T10:01:00Z",
                    "{\"product_id\": \"p1\", \"name\": \"Blue shoes\", \"price\": 80}"));
            post(base, batch(6, "Order Completed", "2024-03-04T11:30:00Z", "{\"order_id\": \"o#\", \"revenue\": #}"));
            post(base, "{\"batch\": [{\"type\": \"page\", \"userId\": \"clock\", \"messageId\": \"pg\","
                    + " \"timestamp\": \"2024-03-04T12:00:00Z\"}]}");
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while ((server.store().exposures().countByVariant("cart_copy").values().stream()
                    .mapToLong(Long::longValue).sum() < 12 || !server.isIdle()) && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            served = JSON.readTree(HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base
                    + "/admin/experiments/cart_copy")).header("Authorization", "Bearer ak").build(),
                    HttpResponse.BodyHandlers.ofString()).body());
        }

        HeraldRun json = herald("experiments", "report", "cart_copy", "--json", "--experiments",
                experiments.toString(), "--data", data.toString());
        HeraldRun table = herald("experiments", "report", "cart_copy", "--experiments", experiments.toString(),
                "--data", data.toString());

        assertThat(json.exitCode()).as(json.err()).isZero();
        JsonNode reported = JSON.readTree(json.out());
        assertThat(reported.path("arms")).isEqualTo(served.path("arms"));
        long exposed = 0;
        long converted = 0;
        for (JsonNode arm : reported.path("arms")) {
            exposed += arm.path("exposed").asLong();
            converted += arm.path("converted").asLong();
        }
        assertThat(exposed).isEqualTo(12);
        assertThat(converted).as("the six users who ordered after their exposure").isEqualTo(6);
        assertThat(reported.at("/experiment/conversionWindow").asText()).isEqualTo("2d");
        assertThat(table.exitCode()).as(table.err()).isZero();
        assertThat(table.out()).startsWith("Experiment cart_copy on abandoned_cart: running")
                .containsPattern("arm\\s+role\\s+planned\\s+exposed\\s+sent")
                .containsPattern("holdout\\s+holdout\\s+25.0%")
                .containsPattern("control\\s+control\\s+37.5%")
                .contains("conv/exposed");
    }

    static String batch(int users, String event, String timestamp, String properties) {
        StringJoiner calls = new StringJoiner(", ", "{\"batch\": [", "]}");
        for (int i = 0; i < users; i++) {
            String common = "\"userId\": \"u" + i + "\", \"messageId\": \"" + event.replace(' ', '-') + "-" + i
                    + "\", \"timestamp\": \"" + timestamp + "\"";
            calls.add(event.equals("identify")
                    ? "{\"type\": \"identify\", " + common + ", \"traits\": {\"consent\": {\"in_app\": true}}}"
                    : "{\"type\": \"track\", \"event\": \"" + event + "\", " + common + ", \"properties\": "
                            + properties.replace("#", Integer.toString(i + 1)) + "}");
        }
        return calls.toString();
    }

    static void post(String base, String body) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base
                + "/v1/batch")).header("Content-Type", "application/json").header("Authorization", "Basic "
                        + Base64.getEncoder().encodeToString("wk:".getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }
}
