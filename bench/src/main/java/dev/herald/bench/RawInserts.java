package dev.herald.bench;

import static dev.herald.bench.ServerLoad.ms;
import static dev.herald.bench.ServerLoad.n;

import dev.herald.store.Database;
import dev.herald.store.DatabaseSettings;
import dev.herald.store.EventLog;
import dev.herald.store.StoredEvent;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import javax.sql.DataSource;
import org.HdrHistogram.Histogram;

/**
 * The raw insert rate of the rows Herald stores, into the same embedded PostgreSQL (fsync and synchronous commit
 * on, the same schema), without HTTP, JSON parsing, the engine or the journal. Two ways: a JDBC batch of one plain
 * {@code INSERT ... ON CONFLICT (message_id) DO NOTHING} per row (payload cast to json), and {@link EventLog#append}
 * itself (one INSERT of the rows as unnested arrays, returning the new seqs, under the advisory lock that serialises
 * appends). Several shapes: transactions of 100 rows (one HTTP batch), of 1,000 rows (the journal's largest group),
 * of 1 row (a single-event request committed alone), each with one writer and with {@code --writers} writers in
 * parallel. The table is emptied before each shape.
 */
final class RawInserts {

    private static final String INSERT = """
            INSERT INTO events (message_id, user_id, type, event_time, received_at, payload)
            VALUES (?, ?, ?, ?, ?, CAST(? AS json))
            ON CONFLICT (message_id) DO NOTHING""";

    /** How a shape writes. */
    private enum Via {
        /** A JDBC batch of one INSERT per row, without the advisory lock. */
        JDBC,
        /** {@link EventLog#append} itself: one INSERT of the rows as unnested arrays, under the advisory lock. */
        EVENT_LOG
    }

    /** One shape of the insert load. */
    private record Shape(Via via, int rows, int writers) {
        String name() {
            return switch (via) {
                case JDBC -> "JDBC";
                case EVENT_LOG -> "EventLog.append";
            };
        }
    }

    /** What one writer did in the measured period. */
    private static final class Tally {
        final Histogram latency = new Histogram(Duration.ofSeconds(60).toNanos() / 1000, 3);
        long rows;
        long transactions;
    }

    private RawInserts() {}

    static int run(ServerLoad.Options options) throws Exception {
        int writers = Math.max(1, options.writers());
        Path folder = ServerLoad.dataFolder(options, "raw");
        Path postgres = folder.resolve("postgres");
        List<Shape> shapes = List.of(
                new Shape(Via.JDBC, 100, 1),
                new Shape(Via.JDBC, 100, writers),
                new Shape(Via.JDBC, 1000, 1),
                new Shape(Via.EVENT_LOG, 100, 1),
                new Shape(Via.EVENT_LOG, 1000, 1),
                new Shape(Via.EVENT_LOG, 100, writers),
                new Shape(Via.JDBC, 1, 1),
                new Shape(Via.JDBC, 1, writers),
                new Shape(Via.JDBC, 1, 64));
        System.out.printf("mode raw: the rows of the load generator's calls (%s users, %s products) inserted"
                + " straight into the embedded PostgreSQL; warm-up %d s, measured %d s per shape%n",
                n(options.users()), n(options.products()), options.warmup(), options.duration());
        try (Database database = Database.open(DatabaseSettings.embedded(postgres).withPoolSize(Math.max(writers,
                64) + 2))) {
            System.out.println("database: " + database.describe());
            for (Shape shape : shapes) {
                run(options, database, postgres, shape);
            }
        }
        ServerLoad.cleanUp(options, folder);
        return 0;
    }

    private static void run(ServerLoad.Options options, Database database, Path postgres, Shape shape)
            throws Exception {
        DataSource dataSource = database.dataSource();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("TRUNCATE events RESTART IDENTITY");
            statement.execute("CHECKPOINT");
        }
        EventLog log = new EventLog(dataSource);
        String run = Long.toString(System.nanoTime(), 36);
        long start = System.nanoTime() + Duration.ofMillis(100).toNanos();
        long measureFrom = start + options.warmupTime().toNanos();
        long measureTo = measureFrom + options.measured().toNanos();
        List<Tally> tallies = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        AtomicReference<Exception> failure = new AtomicReference<>();
        for (int w = 0; w < shape.writers(); w++) {
            Tally tally = new Tally();
            tallies.add(tally);
            SegmentCalls calls = new SegmentCalls("raw-" + run + "-" + w + "-", options.users(), options.products(),
                    ThreadLocalRandom.current().nextLong());
            threads.add(Thread.ofPlatform().name("raw-" + w).start(() -> {
                try {
                    write(dataSource, log, shape, calls, tally, start, measureFrom, measureTo);
                } catch (Exception e) {
                    failure.compareAndSet(null, e);
                }
            }));
        }
        park(measureFrom);
        CpuMeter cpu = new CpuMeter(Optional.of(postgres));
        cpu.start();
        park(measureTo);
        Optional<CpuMeter.Usage> usage = cpu.stop();
        for (Thread thread : threads) {
            thread.join();
        }
        if (failure.get() != null) {
            throw failure.get();
        }
        Histogram latency = new Histogram(Duration.ofSeconds(60).toNanos() / 1000, 3);
        long rows = 0;
        long transactions = 0;
        for (Tally tally : tallies) {
            latency.add(tally.latency);
            rows += tally.rows;
            transactions += tally.transactions;
        }
        double seconds = options.duration();
        System.out.printf("%s, %d row%s per transaction, %d writer%s: %s rows/s (%s commits/s); commit latency"
                + " p50 %s, p99 %s, p99.9 %s%n", shape.name(), shape.rows(), shape.rows() == 1 ? "" : "s",
                shape.writers(), shape.writers() == 1 ? "" : "s", n(rows / seconds), n(transactions / seconds),
                ms(latency.getValueAtPercentile(50) * 1000.0),
                ms(latency.getValueAtPercentile(99) * 1000.0), ms(latency.getValueAtPercentile(99.9) * 1000.0));
        usage.ifPresent(u -> System.out.println("    " + u));
    }

    private static void write(DataSource dataSource, EventLog log, Shape shape, SegmentCalls calls, Tally tally,
            long start, long measureFrom, long measureTo) throws SQLException {
        park(start);
        List<StoredEvent> rows = new ArrayList<>(shape.rows());
        while (true) {
            long began = System.nanoTime();
            if (began >= measureTo) {
                return;
            }
            rows.clear();
            Instant receivedAt = Instant.now();
            for (int i = 0; i < shape.rows(); i++) {
                SegmentCalls.Call call = calls.next();
                rows.add(StoredEvent.of(call.messageId(), call.userId(), call.type(), call.eventTime(), receivedAt,
                        call.json()));
            }
            switch (shape.via()) {
                case JDBC -> insert(dataSource, rows);
                case EVENT_LOG -> log.append(rows);
            }
            long done = System.nanoTime();
            if (began >= measureFrom) {
                tally.rows += rows.size();
                tally.transactions++;
                tally.latency.recordValue(Math.min((done - began) / 1000, tally.latency.getHighestTrackableValue()));
            }
        }
    }

    /** What {@link EventLog#append} does, without its advisory lock. */
    private static void insert(DataSource dataSource, List<StoredEvent> rows) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
                for (StoredEvent row : rows) {
                    insert.setString(1, row.messageId());
                    insert.setString(2, row.userId());
                    insert.setString(3, row.type());
                    insert.setObject(4, row.eventTime().atOffset(ZoneOffset.UTC));
                    insert.setObject(5, row.receivedAt().atOffset(ZoneOffset.UTC));
                    insert.setString(6, row.payload());
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            connection.commit();
        }
    }

    private static void park(long until) {
        long left;
        while ((left = until - System.nanoTime()) > 0) {
            LockSupport.parkNanos(left);
        }
    }
}
