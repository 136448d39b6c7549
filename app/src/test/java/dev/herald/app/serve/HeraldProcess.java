package dev.herald.app.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * {@code herald serve} in a JVM of its own, as an operator runs it: the java running the tests, the test class
 * path, {@code dev.herald.app.Main}. It can be killed with SIGKILL ({@link #kill()}) like a crashed host, or
 * stopped with SIGTERM ({@link #close()}). Its output goes to a log file, whose end a failure shows.
 */
final class HeraldProcess implements AutoCloseable {

    static final String WRITE_KEY = "wk_crash";
    static final String ADMIN_KEY = "ak_crash";
    static final ObjectMapper JSON = new ObjectMapper();

    private static final Duration READY_WAIT = Duration.ofSeconds(90);

    private final Process process;
    private final Path log;
    private final HttpClient http;
    private final String base;

    private HeraldProcess(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.base = "http://127.0.0.1:" + port;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    }

    /**
     * Starts {@code herald serve --config CONFIG --data DATA --port (free) --clock event} and waits until
     * {@code /health} answers ok.
     */
    static HeraldProcess start(Path config, Path data, Path log) throws IOException, InterruptedException {
        int port = freePort();
        String java = ProcessHandle.current().info().command().orElseThrow();
        List<String> command = new ArrayList<>(List.of(java, "-Xmx512m", "-XX:+UseSerialGC", "-cp",
                System.getProperty("java.class.path"), "dev.herald.app.Main", "serve", "--config", config.toString(),
                "--data", data.toString(), "--port", Integer.toString(port), "--clock", "event"));
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        HeraldProcess herald = new HeraldProcess(process, log, port);
        try {
            herald.awaitHealthy();
        } catch (RuntimeException | InterruptedException e) {
            herald.close();
            throw e;
        }
        return herald;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private void awaitHealthy() throws InterruptedException {
        long deadline = System.nanoTime() + READY_WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("herald serve exited with " + process.exitValue() + " before it"
                        + " was ready:\n" + logTail());
            }
            try {
                HttpResponse<String> health = get("/health", null);
                if (health.statusCode() == 200 && health.body().contains("\"status\":\"ok\"")) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("herald serve was not ready in " + READY_WAIT.toSeconds() + " s:\n"
                + logTail());
    }

    /** SIGKILL: the JVM dies at once, mid-request, with no shutdown hook; its PostgreSQL keeps running. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("herald serve (pid " + process.pid() + ") did not die on SIGKILL");
        }
    }

    long pid() {
        return process.pid();
    }

    HttpResponse<String> post(String path, String body) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").header("Authorization", basic(WRITE_KEY))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> get(String path, String authorization) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(30)).GET();
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** An admin API document; fails on any status but 200. */
    JsonNode admin(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = get(path, "Bearer " + ADMIN_KEY);
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET " + path + " answered " + response.statusCode() + ": "
                    + response.body());
        }
        return JSON.readTree(response.body());
    }

    static String basic(String key) {
        return "Basic " + Base64.getEncoder().encodeToString((key + ":").getBytes(StandardCharsets.UTF_8));
    }

    /** The last lines the process wrote. */
    String logTail() {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(no log: " + e + ")";
        }
    }

    /**
     * Stops the process with SIGTERM (a clean shutdown, which stops its PostgreSQL), or with SIGKILL when it does
     * not stop in time. A PostgreSQL that a killed process left running stays: the next start must cope with it
     * ({@link #stopLeftoverPostgres} cleans up after a test).
     */
    @Override
    public void close() {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /** Whether the process is a postgres whose data folder ({@code -D}) is this one. */
    private static boolean serves(ProcessHandle process, Path pgdata) {
        boolean postgres = process.info().command().map(c -> Path.of(c).getFileName().toString())
                .filter("postgres"::equals).isPresent();
        String[] arguments = process.info().arguments().orElse(new String[0]);
        for (int i = 0; postgres && i + 1 < arguments.length; i++) {
            if (arguments[i].equals("-D") && Path.of(arguments[i + 1]).toAbsolutePath().normalize()
                    .equals(pgdata.toAbsolutePath().normalize())) {
                return true;
            }
        }
        return false;
    }

    /**
     * Stops (SIGTERM, then SIGKILL) the PostgreSQL whose pid file is in the folder, when one is still running: a
     * killed Herald's that no restart took over, so that nothing outlives a failed test.
     */
    static void stopLeftoverPostgres(Path pgdata) throws InterruptedException {
        Path pidFile = pgdata.resolve("postmaster.pid");
        Optional<ProcessHandle> postgres;
        try {
            if (!Files.isRegularFile(pidFile)) {
                return;
            }
            List<String> lines = Files.readAllLines(pidFile, StandardCharsets.US_ASCII);
            postgres = lines.isEmpty() ? Optional.empty() : ProcessHandle.of(Long.parseLong(lines.get(0).strip()));
        } catch (IOException | NumberFormatException e) {
            return;
        }
        Optional<ProcessHandle> alive = postgres.filter(ProcessHandle::isAlive).filter(p -> serves(p, pgdata));
        if (alive.isPresent()) {
            alive.get().destroy();
            try {
                alive.get().onExit().get(30, TimeUnit.SECONDS);
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                alive.get().destroyForcibly();
            }
        }
    }
}
