package dev.herald.server;

import dev.herald.core.profile.Channel;
import dev.herald.server.runtime.EngineRunner;
import dev.herald.store.DatabaseSettings;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How {@code herald serve} runs.
 *
 * @param host the address to listen on
 * @param port the port; 0 takes a free one
 * @param publicUrl how recipients reach this server, for tracking links
 * @param writeKeys keys that may send events and read inboxes
 * @param adminKey the key of the admin API
 * @param trackingSecret the secret that signs tracking links (at least 32 characters)
 * @param clock wall (live) or event time (replays and simulations driven through the API)
 * @param checkpointEvery how often the engine's state is checkpointed
 * @param defaultPhoneRegion the region of phone numbers written without a country code, or null
 * @param deliveryRates sends per second per channel; a channel not named keeps its default
 * @param clickWindow how long after a click an order counts as the message's conversion
 * @param viewWindow how long after an open or a delivery an order counts as the message's conversion
 */
public record ServerSettings(
        String host,
        int port,
        String publicUrl,
        List<String> writeKeys,
        String adminKey,
        String trackingSecret,
        EngineRunner.ClockMode clock,
        Duration checkpointEvery,
        DatabaseSettings database,
        String defaultPhoneRegion,
        Map<Channel, Integer> deliveryRates,
        Duration clickWindow,
        Duration viewWindow) {

    public ServerSettings {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(publicUrl, "publicUrl");
        writeKeys = List.copyOf(writeKeys);
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(checkpointEvery, "checkpointEvery");
        Objects.requireNonNull(database, "database");
        deliveryRates = Map.copyOf(deliveryRates);
        if (clickWindow.isNegative() || viewWindow.isNegative()) {
            throw new IllegalArgumentException("attribution windows must not be negative");
        }
        deliveryRates.forEach((channel, rate) -> {
            if (rate < 1) {
                throw new IllegalArgumentException(channel.key() + ".rate must be at least 1 per second, got " + rate);
            }
        });
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("server.port must be between 0 and 65535, got " + port);
        }
    }

    /** Settings with the default delivery rates. */
    public ServerSettings(String host, int port, String publicUrl, List<String> writeKeys, String adminKey,
            String trackingSecret, EngineRunner.ClockMode clock, Duration checkpointEvery, DatabaseSettings database,
            String defaultPhoneRegion) {
        this(host, port, publicUrl, writeKeys, adminKey, trackingSecret, clock, checkpointEvery, database,
                defaultPhoneRegion, Map.of(), Duration.ofHours(72), Duration.ofHours(24));
    }
}
