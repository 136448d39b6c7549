package dev.herald.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.herald.core.content.ContentWriter;
import dev.herald.core.engine.Engine;
import dev.herald.core.engine.EngineConfig;
import dev.herald.core.experiment.AllocationWeights;
import dev.herald.core.profile.Channel;
import dev.herald.core.time.EngineClock;
import dev.herald.core.trigger.TriggerDefinition;
import dev.herald.delivery.Deliverer;
import dev.herald.delivery.sms.TwilioWebhooks;
import dev.herald.server.admin.AdminRoutes;
import dev.herald.server.experiment.BanditWeights;
import dev.herald.server.experiment.ExperimentReports;
import dev.herald.server.experiment.ExperimentRoutes;
import dev.herald.server.experiment.StatisticsSection;
import dev.herald.server.experiment.ThompsonAllocator;
import dev.herald.server.http.HttpApi;
import dev.herald.server.http.InboxRoutes;
import dev.herald.server.http.Keys;
import dev.herald.server.ingest.EngagementReports;
import dev.herald.server.ingest.Incoming;
import dev.herald.server.ingest.Journal;
import dev.herald.server.ingest.OwnEvents;
import dev.herald.server.ingest.SegmentIntake;
import dev.herald.server.runtime.Attribution;
import dev.herald.server.runtime.ChannelFallback;
import dev.herald.server.runtime.Checkpointing;
import dev.herald.server.runtime.Dispatcher;
import dev.herald.server.runtime.EffectStore;
import dev.herald.server.runtime.EngineRunner;
import dev.herald.server.runtime.InboxDeliverer;
import dev.herald.server.runtime.SuppliedClock;
import dev.herald.server.segment.SegmentParser;
import dev.herald.server.segment.SegmentResult;
import dev.herald.server.track.LinkRewriter;
import dev.herald.server.track.TrackingLinks;
import dev.herald.server.track.TrackingRoutes;
import dev.herald.server.track.TwilioRoutes;
import dev.herald.store.Checkpoint;
import dev.herald.store.Database;
import dev.herald.store.EventLog;
import dev.herald.store.Store;
import dev.herald.store.StoredEvent;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code herald serve}: the composition of the service. On start it opens the store, marks sends a crash left
 * unfinished, rebuilds the engine from the stored events, and then takes events over HTTP, runs the engine, writes
 * and sends messages, and tracks what recipients do. {@link #close()} shuts down in the reverse order, finishing
 * what was acknowledged.
 */
public final class HeraldServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(HeraldServer.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Database database;
    private final Store store;
    private final EffectStore effects;
    private final EngineRunner runner;
    private final Checkpointing checkpointing;
    private final Journal journal;
    private final Dispatcher dispatcher;
    private final HttpApi http;
    private final PrometheusMeterRegistry metrics;
    private final BanditWeights bandits;

    private HeraldServer(Database database, Store store, EffectStore effects, EngineRunner runner,
            Checkpointing checkpointing, Journal journal, Dispatcher dispatcher, HttpApi http,
            PrometheusMeterRegistry metrics, BanditWeights bandits) {
        this.bandits = bandits;
        this.checkpointing = checkpointing;
        this.database = database;
        this.store = store;
        this.effects = effects;
        this.runner = runner;
        this.journal = journal;
        this.dispatcher = dispatcher;
        this.http = http;
        this.metrics = metrics;
    }

    /** A registry for {@link #start}'s metrics, in Prometheus' format. */
    public static PrometheusMeterRegistry metricsRegistry() {
        return new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    }

    /**
     * Starts the service.
     *
     * @param engineConfig the triggers, policy and defaults
     * @param deliverers the configured providers by channel (in-app is always the inbox)
     * @param metrics where every part's metrics go; {@code /metrics} shows it
     */
    public static HeraldServer start(ServerSettings settings, EngineConfig engineConfig, ContentWriter writer,
            Map<Channel, Deliverer> deliverers, Clock clock, PrometheusMeterRegistry metrics) {
        return start(settings, engineConfig, writer, deliverers, clock, metrics, Optional.empty());
    }

    /**
     * Starts the service, with Twilio's webhooks (status callbacks, inbound STOP) checked against its auth token.
     */
    public static HeraldServer start(ServerSettings settings, EngineConfig engineConfig, ContentWriter writer,
            Map<Channel, Deliverer> deliverers, Clock clock, PrometheusMeterRegistry metrics,
            Optional<String> twilioAuthToken) {
        long started = System.nanoTime();
        Database database = Database.open(settings.database());
        Store store = new Store(database);
        int interrupted = store.outbox().recoverInterrupted();
        if (interrupted > 0) {
            LOG.warn("{} messages were being sent when Herald stopped; they are marked unknown and not sent again",
                    interrupted);
        }
        TrackingLinks links = new TrackingLinks(settings.publicUrl(), settings.trackingSecret());
        java.util.concurrent.atomic.AtomicReference<Clock> service = new java.util.concurrent.atomic.AtomicReference<>(
                clock);
        Clock serviceClock = new SuppliedClock(() -> service.get().instant());
        EffectStore effects = new EffectStore(store.decisions(), store.exposures(), store.outbox(), writer,
                new LinkRewriter(links),
                trigger -> engineConfig.triggers().find(trigger).map(TriggerDefinition::urgency)
                        .orElse(Duration.ofHours(24)),
                serviceClock, metrics);
        SegmentParser parser = new SegmentParser(settings.defaultPhoneRegion());
        Optional<Checkpoint> checkpoint = store.checkpoints().latest();
        BanditWeights bandits = new BanditWeights(engineConfig.experiments(), store.experimentCounts(),
                new ThompsonAllocator(), serviceClock);
        EngineConfig config = bandits.hasBandits() && engineConfig.allocationWeights() == AllocationWeights.PLANNED
                ? engineConfig.withAllocationWeights(bandits) : engineConfig;
        Optional<Engine> restored = checkpoint.flatMap(c -> restore(config, effects, c));
        Engine engine = restored.orElseGet(() -> new Engine(config, effects));
        long fromSeq = restored.isPresent() ? checkpoint.get().eventSeq() : 0;
        Attribution attribution = new Attribution(store.engagements(), settings.clickWindow(), settings.viewWindow());
        long replayed = replay(store, engine, attribution, parser, fromSeq);
        long appliedSeq = store.events().lastSeq();
        Checkpointing checkpointing = new Checkpointing(store.checkpoints(), effects, settings.checkpointEvery(),
                fromSeq, clock.instant());
        EngineRunner runner = new EngineRunner(engine, settings.clock(), EngineClock.wall(clock), appliedSeq,
                checkpointing, attribution);
        service.set(runner.serviceClock());
        runner.start();
        bandits.start(BanditWeights.EVERY);
        Counter eventsIn = Counter.builder("herald.events.in").description("events stored").register(metrics);
        Journal journal = new Journal(events -> {
            List<StoredEvent> rows = new ArrayList<>(events.size());
            for (Incoming incoming : events) {
                rows.add(new StoredEvent(0, incoming.event().messageId(), incoming.userId(),
                        incoming.event().type().name(), incoming.event().timestamp(), incoming.receivedAt(),
                        incoming.payload()));
            }
            EventLog.Appended appended = store.events().append(rows);
            return new Journal.Appended(appended.fresh(), appended.lastSeq());
        }, (fresh, lastSeq) -> {
            eventsIn.increment(fresh.size());
            runner.apply(fresh, lastSeq);
        }, 1000, 10_000);
        OwnEvents own = new OwnEvents(parser);
        Map<Channel, Deliverer> all = new EnumMap<>(Channel.class);
        all.putAll(deliverers);
        all.put(Channel.IN_APP, new InboxDeliverer(store.inbox(), serviceClock));
        ChannelFallback fallback = new ChannelFallback(effects, runner, engineConfig.triggers());
        Dispatcher dispatcher = new Dispatcher(store.outbox(), all, links, serviceClock, invalid -> {
            journal.submit(own.one("Message Bounced", invalid.messageId(), invalid.userId(), invalid.channel(),
                    serviceClock.instant(), "bounce"));
            fallback.accept(invalid);
        }, metrics, settings.deliveryRates()).start();
        Gauge.builder("herald.outbox.pending", store.outbox(), o -> o.pendingCount()).register(metrics);
        Gauge.builder("herald.engine.backlog", runner, EngineRunner::backlog).register(metrics);
        Keys keys = new Keys(settings.writeKeys(), settings.adminKey());
        EngagementReports reports = new EngagementReports(journal, own, store.engagements(), serviceClock);
        List<HttpApi.RouteGroup> groups = new ArrayList<>(List.of(
                new AdminRoutes(keys, engineConfig.triggers(), runner, store, Engine::forget),
                new InboxRoutes(keys, store.inbox(), reports),
                new TrackingRoutes(links, store.outbox(), reports),
                new ExperimentRoutes(keys, engineConfig.experiments(), new ExperimentReports(store.experimentCounts(),
                        new StatisticsSection()), serviceClock)));
        twilioAuthToken.ifPresent(token -> groups.add(new TwilioRoutes(new TwilioWebhooks(token),
                settings.publicUrl(), store.outbox(), reports, journal, parser)));
        HttpApi http = new HttpApi(keys, new SegmentIntake(parser), journal, clock,
                () -> health(database, store, runner), metrics::scrape, groups)
                .start(settings.host(), settings.port());
        LOG.info("herald serve: listening on {}:{}, {}; {} stored events replayed into the engine; started in {} ms",
                settings.host(), http.port(), database.describe(), replayed,
                Duration.ofNanos(System.nanoTime() - started).toMillis());
        return new HeraldServer(database, store, effects, runner, checkpointing, journal, dispatcher, http,
                metrics, bandits);
    }

    private static Optional<Engine> restore(EngineConfig config, EffectStore effects, Checkpoint checkpoint) {
        try {
            Engine engine = Engine.restore(config, effects, new ByteArrayInputStream(checkpoint.state()));
            LOG.info("engine restored from the checkpoint at event {} ({} users)", checkpoint.eventSeq(),
                    engine.userCount());
            return Optional.of(engine);
        } catch (IOException | IllegalArgumentException e) {
            LOG.warn("the checkpoint at event {} cannot be used ({}); the engine is rebuilt from every stored event",
                    checkpoint.eventSeq(), e.getMessage());
            return Optional.empty();
        }
    }

    /** Feeds the stored events after a sequence number to the engine, in the order stored. */
    private static long replay(Store store, Engine engine, Attribution attribution, SegmentParser parser,
            long afterSeq) {
        long[] count = {0};
        store.events().readAfter(afterSeq, 10_000, stored -> {
            try {
                JsonNode call = JSON.readTree(stored.payload());
                SegmentResult result = parser.parse(call, null, stored.receivedAt());
                result.events().forEach(event -> {
                    engine.accept(event);
                    attribution.accept(event);
                });
                count[0]++;
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                LOG.error("stored event {} is not JSON; skipped", stored.seq(), e);
            }
        });
        return count[0];
    }

    private static ObjectNode health(Database database, Store store, EngineRunner runner) {
        boolean reachable = database.isReachable();
        ObjectNode node = JSON.createObjectNode().put("status", reachable ? "ok" : "database_unreachable");
        node.put("database", reachable ? "ok" : "unreachable");
        node.put("engineBacklog", runner.backlog()).put("appliedEventSeq", runner.appliedSeq());
        return node;
    }

    /**
     * Whether the service has nothing in hand: every stored event applied, every effect stored, and no message
     * waiting in the outbox or being sent. In event-time mode, a driver waits for this before moving time on.
     */
    public boolean isIdle() {
        if (runner.appliedSeq() < store.events().lastSeq() || runner.backlog() > 0 || !effects.idle()) {
            return false;
        }
        Map<String, Long> statuses = store.outbox().countByStatus();
        return statuses.getOrDefault("pending", 0L) == 0 && statuses.getOrDefault("sending", 0L) == 0
                && effects.idle();
    }

    public int port() {
        return http.port();
    }

    public Store store() {
        return store;
    }

    public EngineRunner runner() {
        return runner;
    }

    /** Stops taking requests, finishes what was acknowledged, sends nothing half, and closes the store. */
    @Override
    public void close() {
        http.close();
        bandits.close();
        journal.close();
        try {
            runner.ask(engine -> checkpointing.checkpoint(engine, runner.appliedSeq(), Instant.now()))
                    .get(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            LOG.warn("no checkpoint at shutdown ({}); the next start replays the events since the last one",
                    e.toString());
        }
        runner.close();
        checkpointing.close();
        effects.close();
        dispatcher.close();
        metrics.close();
        database.close();
        LOG.info("herald serve: stopped");
    }
}
