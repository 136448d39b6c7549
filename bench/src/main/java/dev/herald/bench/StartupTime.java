package dev.herald.bench;

import static dev.herald.bench.ServerLoad.ms;
import static dev.herald.bench.ServerLoad.n;

import dev.herald.core.engine.Engine;
import dev.herald.server.HeraldServer;
import dev.herald.store.Checkpoint;
import dev.herald.store.Database;
import dev.herald.store.DatabaseSettings;
import dev.herald.store.EventLog;
import dev.herald.store.StoredEvent;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Start-up time with a million pending timers. {@code --timers} users each add a product to their cart (a
 * {@code Product Added} now, so the abandoned-cart wait of an hour is armed and pending), written straight into the
 * event log of a fresh data folder in transactions of 10,000; then real {@link HeraldServer#start}s on that folder:
 *
 * <ol>
 *   <li>with no checkpoint: the engine is rebuilt by replaying every stored event; closing writes a checkpoint;
 *   <li>from that checkpoint, nothing to replay;
 *   <li>from that checkpoint after {@code --since} more events of the load generator's mix (over the same users)
 *       were stored, which the start replays.
 * </ol>
 *
 * Each start is timed whole, and its phases from the server's own log lines (PostgreSQL started, schema checked,
 * engine restored, listening); the heap in use after full collections is measured with each server up. The
 * checkpoint's read and restore are then also timed on their own.
 */
final class StartupTime {

    private static final int CHUNK = 10_000;

    private StartupTime() {}

    static int run(ServerLoad.Options options) throws Exception {
        LogTimes.install();
        int users = options.timers();
        Path folder = ServerLoad.dataFolder(options, "startup");
        Path postgres = folder.resolve("postgres");
        long heapBefore = ServerLoad.heapAfterGc();
        System.out.printf("mode startup: %s users with an item in the cart (an armed abandoned-cart wait each),"
                + " then %s more events; heap in use before any server: %s MB%n", n(users), n(options.since()),
                n(heapBefore / 1e6));
        Instant filled = Instant.now();
        try (Database database = Database.open(DatabaseSettings.embedded(postgres))) {
            long began = System.nanoTime();
            SegmentCalls calls = new SegmentCalls("startup-", users, options.products(), 1);
            EventLog log = new EventLog(database.dataSource());
            List<StoredEvent> rows = new ArrayList<>(CHUNK);
            for (int user = 0; user < users; user++) {
                Instant at = Instant.now();
                SegmentCalls.Call call = calls.productAdded("u" + user, at);
                rows.add(StoredEvent.of(call.messageId(), call.userId(), call.type(), at, at, call.json()));
                if (rows.size() == CHUNK || user == users - 1) {
                    log.append(rows);
                    rows.clear();
                }
            }
            long took = System.nanoTime() - began;
            System.out.printf("stored %s Product Added events in %s (%s events/s, EventLog.append by %s)%n", n(users),
                    ms(took), n(users / (took / 1e9)), n(CHUNK));
        }
        start(options, postgres, heapBefore, "1. no checkpoint: every event replayed");
        start(options, postgres, heapBefore, "2. from the checkpoint, nothing to replay");
        if (options.since() > 0) {
            try (Database database = Database.open(DatabaseSettings.embedded(postgres))) {
                SegmentCalls calls = new SegmentCalls("since-", users, options.products(), 2);
                EventLog log = new EventLog(database.dataSource());
                List<StoredEvent> rows = new ArrayList<>(CHUNK);
                for (int i = 0; i < options.since(); i++) {
                    SegmentCalls.Call call = calls.next();
                    rows.add(StoredEvent.of(call.messageId(), call.userId(), call.type(), call.eventTime(),
                            call.eventTime(), call.json()));
                    if (rows.size() == CHUNK || i == options.since() - 1) {
                        log.append(rows);
                        rows.clear();
                    }
                }
            }
            start(options, postgres, heapBefore, "3. from the checkpoint, " + n(options.since())
                    + " events since replayed");
        }
        partsAlone(options, postgres);
        Duration spent = Duration.between(filled, Instant.now());
        if (spent.compareTo(Duration.ofMinutes(55)) > 0) {
            System.out.println("WARNING: the run took " + spent.toMinutes() + " min; the abandoned-cart waits (1 h)"
                    + " may have fallen due during the last start");
        }
        ServerLoad.cleanUp(options, folder);
        return 0;
    }

    private static void start(ServerLoad.Options options, Path postgres, long heapBefore, String title)
            throws Exception {
        System.out.println();
        System.out.println("start " + title);
        long began = System.nanoTime();
        HeraldServer server = ServerLoad.startServer(postgres, options);
        long started = System.nanoTime();
        try {
            System.out.println("    HeraldServer.start returned after " + ms(started - began));
            phase(began, "embedded PostgreSQL started", "    PostgreSQL up");
            phase(began, "database: ", "    schema checked, pool open");
            phase(began, "engine restored from the checkpoint", "    checkpoint read and restored");
            phase(began, "herald serve: listening", "    listening (stored events replayed before this)");
            // The replayed events are held by the event orderer until the engine's first tick (within a second).
            long held;
            do {
                Thread.sleep(50);
                held = server.runner().ask(Engine::heldCount).get();
            } while (held > 0);
            String state = server.runner().ask(engine -> n(engine.userCount()) + " users, " + n(engine
                    .pendingCount()) + " waits and messages pending, next due "
                    + engine.nextDue().map(Instant::toString).orElse("never")).get();
            System.out.println("    engine: " + state + " (all held events applied " + ms(System.nanoTime()
                    - started) + " after start returned)");
            long heap = ServerLoad.heapAfterGc();
            long users = server.runner().ask(Engine::userCount).get();
            System.out.printf("    heap in use after GC with the server up: %s MB, %s MB more than before any"
                    + " server (%s bytes per user)%n", n(heap / 1e6), n((heap - heapBefore) / 1e6),
                    n((double) (heap - heapBefore) / Math.max(1, users)));
        } finally {
            long closing = System.nanoTime();
            server.close();
            long closed = System.nanoTime();
            Optional<LogTimes.Line> checkpoint = LogTimes.first(closing, "checkpoint at event");
            System.out.println("    closed in " + ms(closed - closing) + checkpoint.map(l -> "; "
                    + l.text().substring(l.text().indexOf("checkpoint at event"))).orElse("; no new checkpoint"));
        }
    }

    private static void phase(long began, String text, String name) {
        Optional<LogTimes.Line> line = LogTimes.first(began, text);
        line.ifPresent(l -> System.out.println(name + " at " + ms(l.nanos() - began)));
    }

    /** The checkpoint's read and restore, timed on their own. */
    private static void partsAlone(ServerLoad.Options options, Path postgres) throws Exception {
        System.out.println();
        System.out.println("the parts of a start from the checkpoint, each timed alone (best of 3):");
        try (Database database = Database.open(DatabaseSettings.embedded(postgres))) {
            dev.herald.store.Store store = new dev.herald.store.Store(database);
            long read = Long.MAX_VALUE;
            long restore = Long.MAX_VALUE;
            Checkpoint checkpoint = null;
            for (int i = 0; i < 3; i++) {
                long began = System.nanoTime();
                checkpoint = store.checkpoints().latest().orElseThrow();
                read = Math.min(read, System.nanoTime() - began);
            }
            for (int i = 0; i < 3; i++) {
                long began = System.nanoTime();
                Engine engine = Engine.restore(ServerLoad.engineConfig(options.lateness()), effect -> {},
                        new ByteArrayInputStream(checkpoint.state()));
                restore = Math.min(restore, System.nanoTime() - began);
                if (engine.userCount() == 0) {
                    throw new IllegalStateException("empty checkpoint");
                }
            }
            System.out.printf("    reading the checkpoint (%s bytes) from PostgreSQL: %s; Engine.restore from"
                    + " memory: %s%n", n(checkpoint.state().length), ms(read), ms(restore));
        }
    }
}
