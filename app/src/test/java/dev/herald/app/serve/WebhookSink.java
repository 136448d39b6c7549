package dev.herald.app.serve;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A webhook receiver in the test's JVM: it counts every request it receives by its {@code Idempotency-Key} (the
 * message id), the moment the request arrives, and answers {@code 200} after a delay, like a slow provider. After a
 * given number of requests it holds the next ones unanswered until {@link #release()}, so that a kill is sure to
 * land while messages are being sent.
 */
final class WebhookSink implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    private final Map<String, AtomicInteger> received = new ConcurrentHashMap<>();
    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicInteger answered = new AtomicInteger();
    private final Duration delay;
    private final int answerFirst;
    private final CountDownLatch released = new CountDownLatch(1);

    /**
     * @param delay how long each request takes to answer
     * @param answerFirst how many requests are answered before the rest are held until {@link #release()}
     */
    WebhookSink(Duration delay, int answerFirst) throws IOException {
        this.delay = delay;
        this.answerFirst = answerFirst;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 100);
        server.setExecutor(threads);
        server.createContext("/hook", this::handle);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange; InputStream body = exchange.getRequestBody()) {
            body.readAllBytes();
            String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
            received.computeIfAbsent(key == null ? "(none)" : key, k -> new AtomicInteger()).incrementAndGet();
            int number = requests.incrementAndGet();
            Thread.sleep(delay);
            if (number > answerFirst) {
                released.await(60, TimeUnit.SECONDS);
            }
            byte[] answer = "{\"ok\":true}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, answer.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer);
            }
            answered.incrementAndGet();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** How many requests arrived. */
    int requests() {
        return requests.get();
    }

    /** How many requests were answered 200. */
    int answered() {
        return answered.get();
    }

    /** Every message id received, with how many times. */
    Map<String, Integer> received() {
        Map<String, Integer> out = new TreeMap<>();
        received.forEach((key, count) -> out.put(key, count.get()));
        return out;
    }

    /** Answers the held requests and every later one. */
    void release() {
        released.countDown();
    }

    @Override
    public void close() {
        release();
        server.stop(0);
        threads.shutdownNow();
    }
}
