package dev.herald.delivery.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * A JDK {@link HttpServer} on 127.0.0.1 (a free port) that records every request and answers with what a handler
 * says, after the answer's delay. Each request is served on its own virtual thread. Close it when done.
 */
public final class StubServer implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService executor;
    private final Function<StubRequest, StubAnswer> handler;
    private final List<StubRequest> requests = new CopyOnWriteArrayList<>();

    private StubServer(Function<StubRequest, StubAnswer> handler) {
        this.handler = handler;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the stub server", e);
        }
        executor = Executors.newVirtualThreadPerTaskExecutor();
        server.setExecutor(executor);
        server.createContext("/", this::handle);
    }

    /** Starts a server answering every request with the handler. */
    public static StubServer start(Function<StubRequest, StubAnswer> handler) {
        StubServer stub = new StubServer(handler);
        stub.server.start();
        return stub;
    }

    /** {@code http://127.0.0.1:<port>}, without a trailing slash. */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Every request received so far, in order of arrival. */
    public List<StubRequest> requests() {
        return List.copyOf(requests);
    }

    /** The requests received so far on this path. */
    public List<StubRequest> requests(String path) {
        return requests.stream().filter(request -> request.path().equals(path)).toList();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            StubRequest request = new StubRequest(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
                    exchange.getRequestURI().getRawQuery() == null ? "" : exchange.getRequestURI().getRawQuery(),
                    exchange.getRequestHeaders(),
                    new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            requests.add(request);
            StubAnswer answer = handler.apply(request);
            if (!answer.delay().isZero()) {
                Thread.sleep(answer.delay());
            }
            byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
            for (Map.Entry<String, String> header : answer.headers().entrySet()) {
                exchange.getResponseHeaders().set(header.getKey(), header.getValue());
            }
            exchange.sendResponseHeaders(answer.status(), body.length == 0 ? -1 : body.length);
            if (body.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // The client went away (it timed out, for example); nothing to answer.
        }
    }
}
