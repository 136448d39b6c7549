package dev.herald.writer.stub;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * A language model provider on 127.0.0.1 (a free port) for tests and benchmarks. It records every request and
 * answers from a queue of scripted replies, then from the default responder ({@code {}} with the default token
 * counts unless set). Requests to paths other than the provider's endpoint are recorded and answered 404.
 * Subclasses write the replies in their provider's wire format and call {@link #start()} when constructed.
 * Close the stub when done.
 */
public abstract class ProviderStub implements AutoCloseable {

    /** The path under which the API lives, as in the providers' own base URLs. */
    public static final String API_PATH = "/v1";

    /** Builds the JSON bodies. */
    protected static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final ExecutorService executor;
    private final Queue<StubReply> script = new ConcurrentLinkedQueue<>();
    private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();
    private volatile Function<RecordedRequest, StubReply> responder = request -> StubReply.text("{}");

    protected ProviderStub() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the provider stub", e);
        }
        executor = Executors.newVirtualThreadPerTaskExecutor();
        server.setExecutor(executor);
    }

    /** Starts answering; a subclass calls it last in its constructor, once it is ready to answer. */
    protected final void start() {
        server.createContext("/", this::handle);
        server.start();
    }

    /** The base URL to configure, as for the real provider: {@code http://127.0.0.1:<port>/v1}. */
    public final String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + API_PATH;
    }

    /** Adds replies to the script; each request takes the next one. */
    public final ProviderStub enqueue(StubReply... replies) {
        script.addAll(List.of(replies));
        return this;
    }

    /** How requests are answered once the script is used up. */
    public final ProviderStub respondWith(Function<RecordedRequest, StubReply> defaultResponder) {
        this.responder = Objects.requireNonNull(defaultResponder, "defaultResponder");
        return this;
    }

    /** Every request received so far, in order of arrival. */
    public final List<RecordedRequest> requests() {
        return List.copyOf(requests);
    }

    public final int requestCount() {
        return requests.size();
    }

    /** The latest request; fails when none came. */
    public final RecordedRequest lastRequest() {
        if (requests.isEmpty()) {
            throw new IllegalStateException("the stub has received no request");
        }
        return requests.get(requests.size() - 1);
    }

    /** Stops the server at once; replies still waiting are dropped. */
    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    /** The endpoint's path under {@link #API_PATH}, for example {@code /messages}. */
    protected abstract String endpoint();

    /** The body of a successful completion. */
    protected abstract ObjectNode success(StubReply.Success reply, RecordedRequest request);

    /** The body of an error. */
    protected abstract ObjectNode failure(StubReply.Failure reply);

    /** The provider's way of saying it is overloaded, answered for {@link StubReply#overloaded()}. */
    protected abstract StubReply.Failure overloaded();

    /** The model the request asked for, or {@code stub-model}. */
    protected static String requestedModel(RecordedRequest request) {
        return request.json().path("model").asText("stub-model");
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            RecordedRequest request = record(exchange);
            requests.add(request);
            boolean known = "POST".equals(request.method()) && request.path().equals(API_PATH + endpoint());
            StubReply reply = known ? next(request) : new StubReply.Failure(404, null, "no such endpoint");
            Answer answer = answer(reply, request);
            if (answer == null) {
                return;
            }
            byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(answer.status(), body.length == 0 ? -1 : body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        } catch (IOException e) {
            // The client went away (it timed out, for example); nothing to answer.
        }
    }

    private StubReply next(RecordedRequest request) {
        StubReply scripted = script.poll();
        return scripted != null ? scripted : responder.apply(request);
    }

    /** The answer to write, or null when the stub was closed while delaying. */
    private Answer answer(StubReply reply, RecordedRequest request) {
        return switch (reply) {
            case StubReply.Success success -> new Answer(200, success(success, request).toString());
            case StubReply.Failure failure -> new Answer(failure.status(), failure(failure).toString());
            case StubReply.Overloaded overloaded -> answer(overloaded(), request);
            case StubReply.Raw raw -> new Answer(raw.status(), raw.body());
            case StubReply.Delayed delayed -> {
                try {
                    Thread.sleep(delayed.delay());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    yield null;
                }
                yield answer(delayed.then(), request);
            }
        };
    }

    /** A status and a body to write. */
    private record Answer(int status, String body) {}

    private static RecordedRequest record(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        JsonNode json;
        try {
            json = body.isBlank() ? MissingNode.getInstance() : JSON.readTree(body);
        } catch (IOException e) {
            json = MissingNode.getInstance();
        }
        return new RecordedRequest(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                exchange.getRequestHeaders(), body, json);
    }
}
