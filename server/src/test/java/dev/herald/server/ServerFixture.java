package dev.herald.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.herald.core.content.TemplateWriter;
import dev.herald.core.engine.EngineConfig;
import dev.herald.core.event.EventType;
import dev.herald.core.policy.Policies;
import dev.herald.core.profile.Channel;
import dev.herald.core.trigger.ContentBrief;
import dev.herald.core.trigger.Entry;
import dev.herald.core.trigger.Exit;
import dev.herald.core.trigger.MessageKind;
import dev.herald.core.trigger.Reentry;
import dev.herald.core.trigger.Scope;
import dev.herald.core.trigger.TriggerDefinition;
import dev.herald.core.trigger.TriggerSet;
import dev.herald.server.runtime.EngineRunner;
import dev.herald.store.DatabaseSettings;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A real Herald server on an embedded PostgreSQL in a folder, driven in event time, and an HTTP client for it. */
final class ServerFixture implements AutoCloseable {

    static final String WRITE_KEY = "wk_test";
    static final String ADMIN_KEY = "ak_test";
    static final ObjectMapper JSON = new ObjectMapper();

    /** Abandoned cart on the in-app channel only, one hour after the last item added. */
    static final TriggerDefinition CART = new TriggerDefinition("abandoned_cart", "Abandoned cart",
            MessageKind.MARKETING, 80, Scope.CART, new Entry(Set.of(EventType.PRODUCT_ADDED), false, List.of()),
            Duration.ofHours(1), true, Duration.ofHours(2), new Exit(Set.of(EventType.ORDER_COMPLETED), false, true,
                    false),
            new Reentry.Once(Duration.ofDays(30)), List.of(Channel.IN_APP), true, List.of("default"),
            new ContentBrief("Bring the shopper back.", "", "Return to your cart", List.of()));

    final HeraldServer server;
    final HttpClient http = HttpClient.newHttpClient();
    final String base;

    ServerFixture(Path dataDir) {
        this(dataDir, java.util.Optional.empty());
    }

    ServerFixture(Path dataDir, java.util.Optional<String> twilioToken) {
        this(dataDir, twilioToken, CART, Map.of());
    }

    ServerFixture(Path dataDir, java.util.Optional<String> twilioToken, TriggerDefinition trigger,
            Map<Channel, dev.herald.delivery.Deliverer> deliverers) {
        this(dataDir, twilioToken, config(trigger), deliverers);
    }

    /** The engine configuration of the fixture around one trigger: the seed policy, no lateness. */
    static EngineConfig config(TriggerDefinition trigger) {
        return EngineConfig.defaults(TriggerSet.of(List.of(trigger)), Policies.find("seed").orElseThrow())
                .withLateness(Duration.ZERO);
    }

    ServerFixture(Path dataDir, java.util.Optional<String> twilioToken, EngineConfig config,
            Map<Channel, dev.herald.delivery.Deliverer> deliverers) {
        server = HeraldServer.start(new ServerSettings("127.0.0.1", 0, "http://localhost:8080", List.of(WRITE_KEY),
                ADMIN_KEY, "0123456789abcdef0123456789abcdef", EngineRunner.ClockMode.EVENT, Duration.ofMinutes(1),
                DatabaseSettings.embedded(dataDir), "DE"), config, new TemplateWriter("Shop", "https://shop.example"),
                deliverers, Clock.systemUTC(), HeraldServer.metricsRegistry(), twilioToken);
        base = "http://127.0.0.1:" + server.port();
    }

    HttpResponse<String> post(String path, String body, String authorization) throws IOException,
            InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> form(String path, String body, Map<String, String> headers) throws IOException,
            InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> track(String path, String body) throws IOException, InterruptedException {
        return post(path, body, basic(WRITE_KEY));
    }

    HttpResponse<String> get(String path, String authorization) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).GET();
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    JsonNode admin(String path) throws IOException, InterruptedException {
        return JSON.readTree(get(path, "Bearer " + ADMIN_KEY).body());
    }

    static String basic(String key) {
        return "Basic " + Base64.getEncoder().encodeToString((key + ":").getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void close() {
        server.close();
    }
}
