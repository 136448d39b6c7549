package dev.herald.bench;

import static dev.herald.bench.ServerLoad.ms;
import static dev.herald.bench.ServerLoad.n;

import dev.herald.server.HeraldServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;

/**
 * The load generator: {@code clients} virtual threads, each with a request outstanding at a time over its own
 * {@link PlainHttp} connection (HTTP/1.1, keep-alive), sending either batches ({@code POST /v1/batch},
 * {@code batch} calls each) or single calls ({@code POST /v1/track} and {@code /v1/identify}).
 *
 * <p>Without {@code --rate} each client sends its next request as soon as the last is answered (closed loop: the
 * most the server takes). With {@code --rate R} requests are due at a fixed rate of R per second in the measured
 * period (the warm-up is a closed loop), and latency counts from when a request was due, so a server that falls
 * behind shows it in the latency (no coordinated omission).
 *
 * <p>A request counts in the measured period when it was due (or sent) in it; only 200 answers count, other answers
 * are reported by status. Afterwards, for a server started here, the events stored with this run's message ids are
 * counted in the store and compared with the events the server acknowledged as stored.
 */
final class HttpLoad {

    /** What one client saw. */
    private static final class Tally {
        final Histogram latency = new Histogram(Duration.ofSeconds(60).toNanos() / 1000, 3);
        long measuredOk;
        long measuredEvents;
        long ackedStored;
        long ackedDuplicates;
        long sentCalls;
        long sentBytes;
        long unknownEvents;
        final Map<String, Long> errors = new TreeMap<>();
        final Map<String, Long> measuredErrors = new TreeMap<>();
        long lastAck;
        final long[] perSecond = new long[3600];
        final long[] maxPerSecond = new long[3600];

        void second(long sinceMeasured, long latencyMicros) {
            int second = (int) Math.min(perSecond.length - 1, Math.max(0, sinceMeasured / 1_000_000_000L));
            perSecond[second]++;
            maxPerSecond[second] = Math.max(maxPerSecond[second], latencyMicros);
        }

        void error(String what, boolean measured) {
            errors.merge(what, 1L, Long::sum);
            if (measured) {
                measuredErrors.merge(what, 1L, Long::sum);
            }
        }

        void add(Tally other) {
            latency.add(other.latency);
            measuredOk += other.measuredOk;
            measuredEvents += other.measuredEvents;
            ackedStored += other.ackedStored;
            ackedDuplicates += other.ackedDuplicates;
            sentCalls += other.sentCalls;
            sentBytes += other.sentBytes;
            unknownEvents += other.unknownEvents;
            other.errors.forEach((k, v) -> errors.merge(k, v, Long::sum));
            other.measuredErrors.forEach((k, v) -> measuredErrors.merge(k, v, Long::sum));
            lastAck = Math.max(lastAck, other.lastAck);
            for (int i = 0; i < perSecond.length; i++) {
                perSecond[i] += other.perSecond[i];
                maxPerSecond[i] = Math.max(maxPerSecond[i], other.maxPerSecond[i]);
            }
        }
    }

    private HttpLoad() {}

    static int run(ServerLoad.Options options) throws Exception {
        boolean batch = options.mode().equals("batch");
        if (options.batch() < 1 || options.clients() < 1) {
            throw new IllegalArgumentException("--batch and --clients must be at least 1");
        }
        if (options.url() != null) {
            System.out.println("target: " + options.url() + " (a server already running; no durability check)");
            Tally total = load(options, options.url().replaceAll("/+$", ""), options.writeKey(), batch,
                    Optional.empty());
            return total.errors.isEmpty() ? 0 : 1;
        }
        Path folder = ServerLoad.dataFolder(options, "load");
        Path postgres = folder.resolve("postgres");
        HeraldServer server = ServerLoad.startServer(postgres, options);
        boolean ok;
        try {
            String base = "http://127.0.0.1:" + server.port();
            System.out.println("target: herald serve in this JVM at " + base + ", embedded PostgreSQL in " + postgres
                    + ", clock " + options.clock().name().toLowerCase(java.util.Locale.ROOT) + ", lateness "
                    + options.lateness().toSeconds() + " s");
            String run = Long.toString(System.currentTimeMillis(), 36);
            Tally total = load(options, base, ServerLoad.WRITE_KEY, batch, Optional.of(postgres), run);
            ok = check(server, total, run);
        } finally {
            long closing = System.nanoTime();
            server.close();
            System.out.println("server closed in " + ms(System.nanoTime() - closing) + " (checkpoint included)");
        }
        ServerLoad.cleanUp(options, folder);
        return ok ? 0 : 1;
    }

    private static Tally load(ServerLoad.Options options, String base, String writeKey, boolean batch,
            Optional<Path> postgres) throws InterruptedException {
        return load(options, base, writeKey, batch, postgres, Long.toString(System.currentTimeMillis(), 36));
    }

    private static Tally load(ServerLoad.Options options, String base, String writeKey, boolean batch,
            Optional<Path> postgres, String run) throws InterruptedException {
        int calls = batch ? options.batch() : 1;
        System.out.printf("mode %s: %d clients, %s, %d call%s per request, %s users, %s products;"
                + " warm-up %d s, measured %d s%n", options.mode(), options.clients(),
                options.rate() > 0 ? "fixed rate " + n(options.rate()) + " requests/s" : "closed loop", calls,
                calls == 1 ? "" : "s", n(options.users()), n(options.products()), options.warmup(),
                options.duration());
        String authorization = "Basic " + Base64.getEncoder()
                .encodeToString((writeKey + ":").getBytes(StandardCharsets.UTF_8));
        long start = System.nanoTime() + Duration.ofMillis(200).toNanos();
        long measureFrom = start + options.warmupTime().toNanos();
        long measureTo = measureFrom + options.measured().toNanos();
        long period = options.rate() > 0 ? (long) (1e9 / options.rate()) : 0;
        AtomicLong tickets = new AtomicLong();
        CpuMeter cpu = new CpuMeter(postgres);
        List<Tally> tallies = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < options.clients(); c++) {
            Tally tally = new Tally();
            tallies.add(tally);
            SegmentCalls generator = new SegmentCalls("load-" + run + "-" + c + "-", options.users(),
                    options.products(), ThreadLocalRandom.current().nextLong());
            threads.add(Thread.ofVirtual().name("load-" + c).start(() -> {
                try (PlainHttp connection = new PlainHttp(base, authorization)) {
                    client(connection, batch, calls, generator, tally, start, measureFrom, measureTo, period,
                            tickets);
                }
            }));
        }
        park(measureFrom);
        cpu.start();
        park(measureTo);
        Optional<CpuMeter.Usage> usage = cpu.stop();
        for (Thread thread : threads) {
            thread.join();
        }
        Tally total = new Tally();
        tallies.forEach(total::add);
        report(options, batch, total, usage);
        return total;
    }

    private static void client(PlainHttp connection, boolean batch, int calls,
            SegmentCalls generator, Tally tally, long start, long measureFrom, long measureTo, long period,
            AtomicLong tickets) {
        park(start);
        StringBuilder body = new StringBuilder(calls * 600);
        while (true) {
            long due;
            if (period > 0 && System.nanoTime() >= measureFrom) {
                due = measureFrom + tickets.getAndIncrement() * period;
                if (due >= measureTo) {
                    return;
                }
                park(due);
            } else {
                due = System.nanoTime();
                if (due >= measureTo) {
                    return;
                }
            }
            String endpoint;
            body.setLength(0);
            if (batch) {
                endpoint = "batch";
                body.append("{\"batch\":[");
                for (int i = 0; i < calls; i++) {
                    body.append(i == 0 ? "" : ",").append(generator.next().json());
                }
                body.append("]}");
            } else {
                SegmentCalls.Call call = generator.next();
                endpoint = call.endpoint();
                body.append(call.json());
            }
            boolean measured = due >= measureFrom;
            tally.sentCalls += calls;
            tally.sentBytes += body.length();
            try {
                PlainHttp.Response response = connection.post("/v1/" + endpoint, body.toString());
                long done = System.nanoTime();
                if (response.status() == 200) {
                    long stored = number(response.body(), "\"stored\":");
                    tally.ackedStored += stored;
                    tally.ackedDuplicates += number(response.body(), "\"duplicates\":");
                    tally.lastAck = Math.max(tally.lastAck, done);
                    if (measured) {
                        tally.measuredOk++;
                        tally.measuredEvents += stored;
                        tally.latency.recordValue(Math.min((done - due) / 1000,
                                tally.latency.getHighestTrackableValue()));
                        tally.second(done - measureFrom, (done - due) / 1000);
                    }
                } else {
                    tally.error("HTTP " + response.status(), measured);
                }
            } catch (IOException e) {
                tally.error(e.getClass().getSimpleName(), measured);
                tally.unknownEvents += calls;
            }
        }
    }

    private static long number(String body, String key) {
        int at = body.indexOf(key);
        if (at < 0) {
            return 0;
        }
        int from = at + key.length();
        int to = from;
        while (to < body.length() && Character.isDigit(body.charAt(to))) {
            to++;
        }
        return Long.parseLong(body.substring(from, to));
    }

    private static void park(long until) {
        long left;
        while ((left = until - System.nanoTime()) > 0) {
            LockSupport.parkNanos(left);
        }
    }

    private static void report(ServerLoad.Options options, boolean batch, Tally total,
            Optional<CpuMeter.Usage> usage) {
        double seconds = options.duration();
        Histogram h = total.latency;
        System.out.printf("measured: %s requests answered 200 in %d s: %s requests/s, %s events/s stored%n",
                n(total.measuredOk), options.duration(), n(total.measuredOk / seconds),
                n(total.measuredEvents / seconds));
        if (h.getTotalCount() > 0) {
            System.out.printf("latency of 200 answers%s: mean %s, p50 %s, p90 %s, p99 %s, p99.9 %s, max %s%n",
                    options.rate() > 0 ? " (from when due)" : "", ms(h.getMean() * 1000),
                    ms(h.getValueAtPercentile(50) * 1000.0), ms(h.getValueAtPercentile(90) * 1000.0),
                    ms(h.getValueAtPercentile(99) * 1000.0), ms(h.getValueAtPercentile(99.9) * 1000.0),
                    ms(h.getMaxValue() * 1000.0));
        }
        System.out.println("errors in the measured period: " + (total.measuredErrors.isEmpty() ? "none"
                : total.measuredErrors) + "; over the whole run: "
                + (total.errors.isEmpty() ? "none"
                        : total.errors));
        System.out.printf("sent %s calls in %s bytes of JSON (%s bytes per call)%n", n(total.sentCalls),
                n(total.sentBytes), n((double) total.sentBytes / Math.max(1, total.sentCalls)));
        usage.ifPresent(System.out::println);
        StringBuilder timeline = new StringBuilder("answers per second of the measured period (worst latency):");
        for (int i = 0; i < options.duration() + 1 && i < total.perSecond.length; i++) {
            timeline.append(i % 6 == 0 ? "\n   " : "").append(String.format(Locale.ROOT, " %6d (%4d ms)",
                    total.perSecond[i], total.maxPerSecond[i] / 1000));
        }
        System.out.println(timeline);
        if (batch && h.getTotalCount() > 0) {
            System.out.printf("(events per request: %.1f)%n", (double) total.measuredEvents / total.measuredOk);
        }
    }

    /** Waits for the engine to apply every stored event, then counts this run's events in the store. */
    private static boolean check(HeraldServer server, HttpLoad.Tally total, String run) throws Exception {
        long lastSeq = server.store().events().lastSeq();
        while (server.runner().appliedSeq() < lastSeq) {
            Thread.sleep(1);
        }
        System.out.println("engine: applied every stored event " + ms(System.nanoTime() - total.lastAck)
                + " after the last acknowledgement; " + server.runner().ask(engine -> n(engine.processedCount())
                        + " events processed, " + n(engine.lateCount()) + " late (not processed), "
                        + n(engine.heldCount()) + " held for ordering; " + n(engine.userCount()) + " users, "
                        + n(engine.pendingCount()) + " waits and messages pending").get());
        long stored = count(server, "load-" + run + "-%");
        boolean equal = stored == total.ackedStored;
        boolean unanswered = total.unknownEvents > 0 && stored >= total.ackedStored
                && stored <= total.ackedStored + total.unknownEvents;
        System.out.printf("durability: %s events acknowledged as stored over the whole run (warm-up included), %s"
                + " duplicates; %s rows with this run's messageIds in the events table: %s%n", n(total.ackedStored),
                n(total.ackedDuplicates), n(stored), equal ? "equal"
                        : unanswered ? "more, within the " + n(total.unknownEvents)
                                + " events of requests that got no answer" : "NOT EQUAL");
        return equal || unanswered;
    }

    private static long count(HeraldServer server, String pattern) throws SQLException {
        try (Connection connection = server.store().database().dataSource().getConnection();
                PreparedStatement query = connection
                        .prepareStatement("SELECT count(*) FROM events WHERE message_id LIKE ?")) {
            query.setString(1, pattern);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }
}
