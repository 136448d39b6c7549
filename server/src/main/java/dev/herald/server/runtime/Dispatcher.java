package dev.herald.server.runtime;

import dev.herald.core.profile.Channel;
import dev.herald.core.trigger.MessageKind;
import dev.herald.delivery.Deliverer;
import dev.herald.delivery.Delivery;
import dev.herald.delivery.DeliveryResult;
import dev.herald.server.track.TrackingLinks;
import dev.herald.store.Outbox;
import dev.herald.store.OutboxEntry;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends what is due in the outbox. It claims due rows (each claim is exclusive, so several dispatchers never send
 * one message twice), hands each to its channel's deliverer, and records the answer: sent; a passing failure tried
 * again with exponential backoff (Retry-After respected) up to {@link #MAX_ATTEMPTS}; a permanent one failed, and
 * when the contact point itself is bad, reported so the engine marks it invalid. A message past its trigger's
 * urgency window expires instead of going out late. Each provider has a rate limit and a circuit breaker
 * ({@link ProviderGuard}); a message they hold back waits in the outbox.
 */
public final class Dispatcher implements AutoCloseable {

    /** Attempts before a message that keeps failing is given up. */
    public static final int MAX_ATTEMPTS = 8;

    /**
     * Messages claimed and sent at once. Small enough that a provider's circuit breaker opens before a whole batch
     * has hit a provider that is down.
     */
    static final int BATCH = 16;

    private static final Logger LOG = LoggerFactory.getLogger(Dispatcher.class);
    private static final Duration BASE_BACKOFF = Duration.ofSeconds(5);
    private static final Duration MAX_BACKOFF = Duration.ofMinutes(10);

    /** A contact point a provider rejected for good. */
    public record InvalidContact(String messageId, String userId, Channel channel, String reason) {}

    private final Outbox outbox;
    private final Map<Channel, Deliverer> deliverers;
    private final Map<Channel, ProviderGuard> guards;
    private final TrackingLinks links;
    private final Clock clock;
    private final Consumer<InvalidContact> invalid;
    private final MeterRegistry metrics;
    private final ExecutorService sends = Executors.newVirtualThreadPerTaskExecutor();
    private final Thread thread;
    private volatile boolean running = true;

    public Dispatcher(Outbox outbox, Map<Channel, Deliverer> deliverers, TrackingLinks links, Clock clock,
            Consumer<InvalidContact> invalid, MeterRegistry metrics) {
        this(outbox, deliverers, links, clock, invalid, metrics, Map.of());
    }

    /** @param rates sends per second per channel, where not the default ({@link ProviderGuard#DEFAULT_RATES}) */
    public Dispatcher(Outbox outbox, Map<Channel, Deliverer> deliverers, TrackingLinks links, Clock clock,
            Consumer<InvalidContact> invalid, MeterRegistry metrics, Map<Channel, Integer> rates) {
        this.outbox = outbox;
        this.deliverers = Map.copyOf(deliverers);
        this.guards = new EnumMap<>(Channel.class);
        for (Channel channel : Channel.values()) {
            guards.put(channel, new ProviderGuard(channel, rates.getOrDefault(channel,
                    ProviderGuard.DEFAULT_RATES.get(channel))));
        }
        this.links = links;
        this.clock = clock;
        this.invalid = invalid;
        this.metrics = metrics;
        this.thread = Thread.ofPlatform().name("herald-dispatcher").daemon().unstarted(this::run);
    }

    public Dispatcher start() {
        thread.start();
        return this;
    }

    private void run() {
        while (running) {
            try {
                List<OutboxEntry> due = outbox.claimDue(clock.instant(), BATCH);
                if (due.isEmpty()) {
                    Thread.sleep(100);
                    continue;
                }
                List<Future<?>> inFlight = due.stream().<Future<?>>map(e -> sends.submit(() -> send(e))).toList();
                for (Future<?> future : inFlight) {
                    future.get();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                LOG.error("the dispatcher failed; it goes on in a second", e);
                pause();
            }
        }
    }

    private void send(OutboxEntry entry) {
        Instant now = clock.instant();
        Channel channel = Channel.find(entry.channel()).orElse(null);
        if (entry.isExpired(now)) {
            outbox.markExpired(entry.messageId(), "not sent within its trigger's urgency window");
            count(entry.channel(), "expired");
            return;
        }
        Deliverer deliverer = channel == null ? null : deliverers.get(channel);
        if (deliverer == null) {
            outbox.markFailed(entry.messageId(), "no provider is configured for " + entry.channel());
            count(entry.channel(), "no_provider");
            return;
        }
        ProviderGuard guard = guards.get(channel);
        Optional<String> refused = guard.refusal();
        if (refused.isPresent()) {
            outbox.markRetry(entry.messageId(), now.plusSeconds(guard.state() == CircuitBreaker.State.OPEN ? 30 : 1),
                    refused.get());
            count(entry.channel(), "deferred");
            return;
        }
        MessageKind kind = MessageKind.valueOf(entry.kind().toUpperCase(Locale.ROOT));
        Delivery delivery = new Delivery(entry.messageId(), entry.userId(), channel, kind, entry.address(),
                ContentJson.parse(entry.content()), kind == MessageKind.MARKETING
                        ? links.unsubscribe(entry.messageId()) : "");
        Timer.Sample sample = Timer.start(metrics);
        long started = System.nanoTime();
        DeliveryResult result = deliverer.deliver(delivery);
        guard.record(result instanceof DeliveryResult.Retry, Duration.ofNanos(System.nanoTime() - started));
        sample.stop(metrics.timer("herald.delivery.latency", "channel", channel.key()));
        switch (result) {
            case DeliveryResult.Accepted accepted -> {
                outbox.markSent(entry.messageId(), accepted.providerId(), clock.instant());
                count(entry.channel(), "sent");
            }
            case DeliveryResult.Retry retry -> {
                if (entry.attempts() >= MAX_ATTEMPTS) {
                    outbox.markFailed(entry.messageId(), "gave up after " + entry.attempts() + " attempts: "
                            + retry.reason());
                    count(entry.channel(), "failed");
                } else {
                    Duration wait = backoff(entry.attempts());
                    if (retry.after().compareTo(wait) > 0) {
                        wait = retry.after();
                    }
                    outbox.markRetry(entry.messageId(), clock.instant().plus(wait), retry.reason());
                    count(entry.channel(), "retry");
                }
            }
            case DeliveryResult.Rejected rejected -> {
                outbox.markFailed(entry.messageId(), rejected.reason());
                count(entry.channel(), rejected.contactInvalid() ? "invalid_contact" : "rejected");
                if (rejected.contactInvalid()) {
                    invalid.accept(new InvalidContact(entry.messageId(), entry.userId(), channel, rejected.reason()));
                }
            }
        }
    }

    /** 5 s, doubling per attempt, 10 min at most. */
    static Duration backoff(int attempts) {
        long seconds = BASE_BACKOFF.toSeconds() << Math.min(Math.max(attempts - 1, 0), 20);
        return Duration.ofSeconds(Math.min(seconds, MAX_BACKOFF.toSeconds()));
    }

    private void count(String channel, String status) {
        metrics.counter("herald.sends", "channel", channel, "status", status).increment();
    }

    private static void pause() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        running = false;
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        sends.shutdown();
    }
}
