package dev.herald.server.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.herald.server.ingest.Incoming;
import dev.herald.server.ingest.Journal;
import dev.herald.server.ingest.SegmentIntake;
import io.javalin.Javalin;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Herald's HTTP server (Javalin on Jetty, virtual threads): the Segment-compatible tracking API, health and
 * metrics, and the route groups the composition root adds (admin, inbox, tracking). Every error is JSON that says
 * what to fix.
 */
public final class HttpApi implements AutoCloseable {

    /** More routes, registered by other parts. */
    @FunctionalInterface
    public interface RouteGroup {
        void register(RoutesConfig routes);
    }

    private static final Logger LOG = LoggerFactory.getLogger(HttpApi.class);
    static final ObjectMapper JSON = new ObjectMapper();

    private final Javalin app;

    /**
     * @param health the health document; its {@code status} is {@code "ok"} or another word, which answers 503
     * @param metrics the Prometheus scrape text
     */
    public HttpApi(Keys keys, SegmentIntake intake, Journal journal, Clock clock, Supplier<ObjectNode> health,
            Supplier<String> metrics, List<RouteGroup> groups) {
        this.app = Javalin.create(config -> {
            config.concurrency.useVirtualThreads = true;
            config.http.maxRequestSize = SegmentIntake.MAX_BATCH_BYTES + 1024;
            config.startup.showJavalinBanner = false;
            RoutesConfig routes = config.routes;
            for (String endpoint : List.of("track", "identify", "page", "screen", "batch")) {
                routes.post("/v1/" + endpoint, ctx -> ingest(ctx, endpoint, keys, intake, journal, clock));
            }
            routes.post("/v1/import", ctx -> ingest(ctx, "batch", keys, intake, journal, clock));
            routes.get("/health", ctx -> {
                ObjectNode doc = health.get();
                ctx.status("ok".equals(doc.path("status").asText()) ? 200 : 503).json(doc);
            });
            routes.get("/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8")
                    .result(metrics.get()));
            groups.forEach(group -> group.register(routes));
            routes.exception(ApiError.class, (e, ctx) -> error(ctx, e.status(), e.getMessage(), e.problems()));
            routes.exception(Exception.class, (e, ctx) -> {
                LOG.error("{} {} failed", ctx.method(), ctx.path(), e);
                error(ctx, 500, "internal error: " + e.getClass().getSimpleName(), List.of());
            });
            routes.error(404, ctx -> {
                if (ctx.result() == null) {
                    error(ctx, 404, "no such endpoint: " + ctx.method() + " " + ctx.path(), List.of());
                }
            });
        });
    }

    /** Starts listening; port 0 takes a free port. */
    public HttpApi start(String host, int port) {
        app.start(host, port);
        return this;
    }

    public int port() {
        return app.port();
    }

    private static void ingest(Context ctx, String endpoint, Keys keys, SegmentIntake intake, Journal journal,
            Clock clock) {
        keys.requireWriteKey(ctx.header("Authorization"));
        List<Incoming> events = intake.read(endpoint, ctx.bodyAsBytes(), clock.instant());
        ctx.future(() -> journal.submit(events).handle((ack, failure) -> {
            if (failure == null) {
                ObjectNode body = JSON.createObjectNode().put("success", true).put("stored", ack.stored())
                        .put("duplicates", ack.duplicates());
                ctx.json(body);
            } else {
                Throwable cause = failure instanceof CompletionException c && c.getCause() != null ? c.getCause()
                        : failure;
                ctx.header("Retry-After", "1");
                error(ctx, 503, cause instanceof Journal.Overloaded ? cause.getMessage()
                        : "the events could not be stored (" + cause.getMessage() + "); nothing was stored, retry",
                        List.of());
            }
            return null;
        }));
    }

    static void error(Context ctx, int status, String message, List<String> problems) {
        ObjectNode error = JSON.createObjectNode();
        ObjectNode body = error.putObject("error").put("status", status).put("message", message);
        if (!problems.isEmpty()) {
            problems.forEach(body.putArray("problems")::add);
        }
        ctx.status(status).json(error);
    }

    @Override
    public void close() {
        app.stop();
    }
}
