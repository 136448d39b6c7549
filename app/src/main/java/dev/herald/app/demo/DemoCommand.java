package dev.herald.app.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.herald.app.config.ConfigFile;
import dev.herald.app.config.Writers;
import dev.herald.app.importer.ImportFormat;
import dev.herald.app.importer.ImportRecord;
import dev.herald.app.importer.InputFiles;
import dev.herald.app.triggers.Definitions;
import dev.herald.app.triggers.TriggerFile;
import dev.herald.core.HeraldException;
import dev.herald.core.engine.EngineConfig;
import dev.herald.core.event.Event;
import dev.herald.core.event.UserEvent;
import dev.herald.core.experiment.Experiment;
import dev.herald.core.policy.Policies;
import dev.herald.core.profile.Channel;
import dev.herald.delivery.Deliverer;
import dev.herald.delivery.email.EmailDeliverer;
import dev.herald.delivery.email.SmtpSettings;
import dev.herald.server.HeraldServer;
import dev.herald.server.ServerSettings;
import dev.herald.server.experiment.ExperimentReports;
import dev.herald.server.experiment.StatisticsSection;
import dev.herald.server.runtime.EngineRunner;
import dev.herald.store.DatabaseSettings;
import io.micrometer.core.instrument.Counter;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code herald demo}: the service end to end on one machine, with nothing to configure. It starts {@code herald
 * serve} on the embedded PostgreSQL in event-time mode, with an SMTP server of its own that receives the email,
 * streams the shipped REES46 sample through the HTTP API (each shopper first identified with a demo address and
 * consent to email and in-app messages), lets a week of event time pass, and prints what happened. The email lands
 * as {@code .eml} files the user can open; decisions and messages stay reachable through the API.
 */
@Command(name = "demo", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
                "Runs the service end to end: starts it on the embedded PostgreSQL with an SMTP server of its own, "
                        + "streams the shipped REES46 sample through the HTTP API in accelerated event time, sends "
                        + "the messages that fall due (email to the demo's SMTP server, written as .eml files; "
                        + "in-app to the inbox API), and prints the results. The service keeps running for the API "
                        + "until Ctrl-C, unless --exit is given.",
                "",
                "Example:",
                "  herald demo --exit"
        })
public final class DemoCommand implements Callable<Integer> {

    static final String WRITE_KEY = "demo-write-key";
    static final String ADMIN_KEY = "demo-admin-key";
    static final Path SAMPLE = Path.of("samples", "rees46", "2019-Oct-head.csv.gz");
    private static final String MARKER = ".herald-demo";
    private static final Duration STEP = Duration.ofHours(1);
    private static final ObjectMapper JSON = new ObjectMapper();

    @Spec
    private CommandSpec spec;

    @Option(names = "--data", defaultValue = "herald-demo", paramLabel = "DIR",
            description = "the demo's folder: database, keys, received email; emptied at each run "
                    + "(default: ${DEFAULT-VALUE})")
    private Path data;

    @Option(names = "--port", defaultValue = "8080", paramLabel = "N",
            description = "the HTTP port; 0 takes a free one (default: ${DEFAULT-VALUE})")
    private int port;

    @Option(names = "--sample", paramLabel = "FILE", description = "a REES46 CSV to stream instead of the shipped one")
    private Path sample;

    @Option(names = "--config", paramLabel = "FILE",
            description = "a configuration file, to have an LLM write the messages (the writer section)")
    private Path configFile;

    @Option(names = "--experiments", paramLabel = "FILE",
            description = "experiments on the shipped triggers' messages, reported per arm with statistics at the end")
    private Path experimentsFile;

    @Option(names = "--exit", description = "stop after printing the results instead of serving the API")
    private boolean exit;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Path file = sample != null ? sample : SAMPLE;
        if (!Files.isReadable(file)) {
            throw new HeraldException("cannot read the sample " + file.toAbsolutePath()
                    + "; run the demo from the repository's folder, or give --sample FILE");
        }
        prepare(data);
        int smtpPort = freePort();
        GreenMail smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        ConfigFile config = ConfigFile.load(Optional.ofNullable(configFile), System.getenv());
        PrometheusMeterRegistry metrics = HeraldServer.metricsRegistry();
        Writers.Built writer = Writers.build(config, Optional.of("https://shop.example"), System.getenv(), metrics);
        EmailDeliverer email = new EmailDeliverer(SmtpSettings.defaults("127.0.0.1", SmtpSettings.Security.NONE,
                "shop@demo.example").withPort(smtpPort).withFromName("Demo Shop"));
        Map<Channel, Deliverer> deliverers = Map.of(Channel.EMAIL, email);
        Definitions definitions = TriggerFile.definitions(Optional.empty(), Optional.ofNullable(experimentsFile));
        EngineConfig engine = definitions.applyTo(
                EngineConfig.defaults(definitions.triggers(), Policies.find("seed").orElseThrow()))
                .withLateness(Duration.ofMinutes(10));
        int listen = port == 0 ? freePort() : port;
        HeraldServer server = HeraldServer.start(new ServerSettings("127.0.0.1", listen, "http://localhost:" + listen,
                List.of(WRITE_KEY), ADMIN_KEY, HexFormat.of().formatHex(random(32)), EngineRunner.ClockMode.EVENT,
                Duration.ofMinutes(1), DatabaseSettings.embedded(data.resolve("postgres")), null,
                Map.of(Channel.EMAIL, 2_000, Channel.IN_APP, 5_000), Duration.ofHours(72), Duration.ofHours(24)),
                engine, writer.writer(), deliverers,
                Clock.systemUTC(), metrics);
        String base = "http://127.0.0.1:" + server.port();
        long started = System.nanoTime();
        try {
            Streamed stream = stream(file, base, out);
            out.printf("Streamed %,d events of %,d shoppers (and an identify call each) in %,d requests;"
                    + " event time %s to %s, then a week later%n", stream.events(), stream.users(),
                    stream.requests(), stream.first(), stream.last());
            out.flush();
            Instant end = stream.last().plus(Duration.ofDays(8));
            playOut(server, base, stream.last(), end);
            List<Path> mails = saveMail(smtp, data.resolve("mail"));
            report(out, server, metrics, mails, base, Duration.ofNanos(System.nanoTime() - started));
            reportExperiments(out, server, definitions, end);
        } catch (RuntimeException | IOException | InterruptedException e) {
            stop(server, writer, email, smtp);
            throw e;
        }
        if (!exit) {
            out.println("Serving on " + base + " until Ctrl-C.");
            out.flush();
            CountDownLatch stopped = new CountDownLatch(1);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                stop(server, writer, email, smtp);
                stopped.countDown();
            }));
            stopped.await();
        } else {
            stop(server, writer, email, smtp);
        }
        return 0;
    }

    private static void stop(HeraldServer server, Writers.Built writer, EmailDeliverer email, GreenMail smtp) {
        server.close();
        writer.close();
        email.close();
        smtp.stop();
    }

    /** What was streamed. */
    record Streamed(long events, int users, int requests, Instant first, Instant last) {}

    /**
     * Streams the log in batches of 100 calls, each shopper identified first (a demo address, consent to email and
     * in-app), then one call a week after the last event so that every wait and message plays out.
     */
    private static Streamed stream(Path file, String base, PrintWriter out) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        List<ObjectNode> batch = new ArrayList<>();
        Set<String> users = new HashSet<>();
        long[] events = {0};
        int[] requests = {0};
        Instant[] range = {null, null};
        try (InputStream in = InputFiles.open(Files.newInputStream(file))) {
            ImportFormat.REES46.importer().read(file.getFileName().toString(), in, record -> {
                if (!(record instanceof ImportRecord.Parsed parsed)) {
                    return;
                }
                Event event = parsed.event();
                if (event instanceof UserEvent user && users.add(user.userId())) {
                    batch.add(identify(user.userId(), event.timestamp()));
                }
                SegmentCalls.of(event).ifPresent(call -> {
                    batch.add(call);
                    events[0]++;
                    range[0] = range[0] == null ? event.timestamp() : range[0];
                    range[1] = event.timestamp();
                });
                if (batch.size() >= 100) {
                    send(http, base, batch);
                    requests[0]++;
                }
            });
        }
        send(http, base, batch);
        requests[0]++;
        return new Streamed(events[0], users.size(), requests[0], range[0], range[1]);
    }

    /** Moves engine time a week past the log, so that every wait and scheduled message plays out. */
    private static void advance(HttpClient http, String base, Instant to) throws IOException, InterruptedException {
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(base + "/admin/clock"))
                .header("Authorization", "Bearer " + ADMIN_KEY).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"advanceTo\": \"" + to + "\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 200) {
            throw new IllegalStateException("the server did not move its clock: " + answer.body());
        }
    }

    private static ObjectNode identify(String userId, Instant at) {
        ObjectNode call = JSON.createObjectNode().put("type", "identify").put("userId", userId)
                .put("messageId", "demo-identify-" + userId).put("timestamp", at.toString());
        ObjectNode traits = call.putObject("traits").put("email", "shopper-" + userId + "@demo.example")
                .put("locale", "en");
        traits.putObject("consent").put("email", true).put("in_app", true);
        return call;
    }

    private static void send(HttpClient http, String base, List<ObjectNode> batch) {
        ObjectNode body = JSON.createObjectNode();
        ArrayNode calls = body.putArray("batch");
        batch.forEach(calls::add);
        batch.clear();
        try {
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(base + "/v1/batch"))
                    .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((WRITE_KEY + ":")
                            .getBytes(StandardCharsets.UTF_8)))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 200) {
                throw new IllegalStateException("the server refused a batch: " + answer.statusCode() + " "
                        + answer.body());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("streaming to the server failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /**
     * Accelerated event time: moves the server's clock from the last event to the end in steps of at most an hour
     * (straight to the next due timer when nothing is due sooner), letting the messages due in each step go out
     * before the next, as they would live.
     */
    private static void playOut(HeraldServer server, String base, Instant from, Instant to)
            throws IOException, InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        waitUntilSent(server, base);
        Instant at = from;
        while (at.isBefore(to)) {
            Optional<Instant> due = nextDue(server);
            if (due.isEmpty() || due.get().isAfter(to)) {
                break;
            }
            Instant step = at.plus(STEP);
            at = due.get().isAfter(step) ? due.get() : step;
            advance(http, base, at);
            waitUntilSent(server, base);
        }
        advance(http, base, to);
        waitUntilSent(server, base);
    }

    private static Optional<Instant> nextDue(HeraldServer server) throws InterruptedException {
        try {
            return server.runner().ask(engine -> engine.nextDue()).get();
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("the engine failed", e.getCause());
        }
    }

    /** Waits until the service has nothing in hand: events applied, effects stored, nothing due or being sent. */
    private static void waitUntilSent(HeraldServer server, String base) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (System.nanoTime() < deadline) {
            if (server.isIdle()) {
                Thread.sleep(30);
                if (server.isIdle()) {
                    return;
                }
            }
            Thread.sleep(20);
        }
        throw new IllegalStateException("messages were still pending after 5 minutes; see " + base + "/admin/stats");
    }

    private static List<Path> saveMail(GreenMail smtp, Path folder) throws IOException {
        Files.createDirectories(folder);
        List<Path> files = new ArrayList<>();
        MimeMessage[] received = smtp.getReceivedMessages();
        for (int i = 0; i < received.length; i++) {
            Path file = folder.resolve(String.format("%05d.eml", i + 1));
            try (OutputStream out = Files.newOutputStream(file)) {
                received[i].writeTo(out);
            } catch (MessagingException e) {
                throw new IOException("cannot write received mail " + file, e);
            }
            files.add(file);
        }
        return files;
    }

    /** Each experiment's report, as {@code herald experiments report NAME} prints it. */
    private static void reportExperiments(PrintWriter out, HeraldServer server, Definitions definitions, Instant at) {
        ExperimentReports reports = new ExperimentReports(server.store().experimentCounts(), new StatisticsSection());
        for (Experiment experiment : definitions.experiments().all()) {
            out.println();
            out.print(reports.report(experiment, at).table());
        }
        out.flush();
    }

    private void report(PrintWriter out, HeraldServer server, PrometheusMeterRegistry metrics, List<Path> mails,
            String base, Duration took) throws IOException {
        Map<String, Long> decisions = new TreeMap<>();
        for (Counter counter : metrics.find("herald.decisions").counters()) {
            decisions.merge(counter.getId().getTag("outcome"), (long) counter.count(), Long::sum);
        }
        out.println("Decisions (a decision is stored once, then again when it is sent or cancelled):");
        decisions.forEach((outcome, count) -> out.printf("  %-12s %,d%n", outcome, count));
        out.println("Messages in the outbox, by status:");
        server.store().outbox().countByStatus().forEach((status, count) -> out.printf("  %-12s %,d%n", status,
                count));
        out.printf("Email received by the demo's SMTP server: %,d, written to %s%n", mails.size(),
                data.resolve("mail").toAbsolutePath());
        mails.stream().limit(3).forEach(mail -> out.println("  " + mail.getFileName() + ": " + subject(mail)));
        out.printf("Done in %.1f s.%n%n", took.toMillis() / 1000.0);
        String admin = "curl -s -H 'Authorization: Bearer " + ADMIN_KEY + "' " + base;
        out.println("Look around (while the demo runs):");
        out.println("  " + admin + "/admin/decisions?limit=3");
        out.println("  " + admin + "/admin/stats");
        JsonNode someone = firstSentUser(server);
        if (someone != null) {
            out.println("  " + admin + "/admin/users/" + someone.asText());
        }
        out.println("  curl -s -u " + WRITE_KEY + ": " + base + "/v1/users/USER_ID/inbox");
        out.flush();
    }

    private static JsonNode firstSentUser(HeraldServer server) {
        return server.store().decisions().recent(1, Optional.empty(), Optional.of("sent")).stream().findFirst()
                .map(row -> JSON.getNodeFactory().textNode(row.userId())).orElse(null);
    }

    private static String subject(Path mail) {
        try (InputStream in = Files.newInputStream(mail)) {
            return new MimeMessage(null, in).getSubject();
        } catch (IOException | MessagingException e) {
            return "(unreadable: " + e.getMessage() + ")";
        }
    }

    /** Empties the demo folder of an earlier run; refuses a folder the demo did not make. */
    private static void prepare(Path folder) throws IOException {
        if (Files.exists(folder)) {
            try (Stream<Path> entries = Files.list(folder)) {
                if (entries.findAny().isPresent() && !Files.exists(folder.resolve(MARKER))) {
                    throw new HeraldException(folder.toAbsolutePath() + " exists and was not made by herald demo;"
                            + " give another folder with --data");
                }
            }
            try (Stream<Path> walk = Files.walk(folder)) {
                for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
        Files.createDirectories(folder);
        Files.writeString(folder.resolve(MARKER), "made by herald demo; emptied at each run\n");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static byte[] random(int bytes) {
        byte[] value = new byte[bytes];
        new SecureRandom().nextBytes(value);
        return value;
    }
}
