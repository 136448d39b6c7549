package dev.herald.server.track;

import dev.herald.core.profile.Channel;
import dev.herald.server.http.HttpApi;
import dev.herald.server.ingest.EngagementReports;
import dev.herald.store.Outbox;
import dev.herald.store.OutboxEntry;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.Base64;
import java.util.Optional;

/**
 * The recipient-facing endpoints: click links (record, then redirect to the signed URL only), the open pixel, and
 * one-click unsubscribe (RFC 8058: a POST from the mail client, or the page a person opens). Each becomes an
 * engagement event on the same durable path as the shop's events, and a row in the engagement table.
 */
public final class TrackingRoutes implements HttpApi.RouteGroup {

    private static final byte[] PIXEL = Base64.getDecoder()
            .decode("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7");

    private final TrackingLinks links;
    private final Outbox outbox;
    private final EngagementReports reports;

    public TrackingRoutes(TrackingLinks links, Outbox outbox, EngagementReports reports) {
        this.links = links;
        this.outbox = outbox;
        this.reports = reports;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/t/c/{message}/{url}/{sig}", this::click);
        routes.get("/t/o/{message}/{sig}", this::open);
        routes.get("/t/u/{message}/{sig}", this::unsubscribePage);
        routes.post("/t/u/{message}/{sig}", this::unsubscribe);
    }

    private void click(Context ctx) {
        String messageId = ctx.pathParam("message");
        Optional<String> url = links.verifyClick(messageId, ctx.pathParam("url"), ctx.pathParam("sig"));
        if (url.isEmpty()) {
            ctx.status(404).result("This link is not valid.");
            return;
        }
        record(messageId, "Message Clicked", "clicked", Long.toString(reports.now().toEpochMilli()));
        ctx.redirect(url.get(), HttpStatus.FOUND);
    }

    private void open(Context ctx) {
        String messageId = ctx.pathParam("message");
        if (links.verifyOpen(messageId, ctx.pathParam("sig"))) {
            record(messageId, "Message Opened", "opened", Long.toString(reports.now().toEpochMilli()));
        }
        ctx.header("Cache-Control", "no-store").contentType("image/gif").result(PIXEL);
    }

    private void unsubscribePage(Context ctx) {
        if (!links.verifyUnsubscribe(ctx.pathParam("message"), ctx.pathParam("sig"))) {
            ctx.status(404).result("This link is not valid.");
            return;
        }
        ctx.contentType("text/html; charset=utf-8").result("<!doctype html><html><body><form method=\"post\">"
                + "<p>Stop these messages?</p><button type=\"submit\">Unsubscribe</button></form></body></html>");
    }

    private void unsubscribe(Context ctx) {
        String messageId = ctx.pathParam("message");
        if (!links.verifyUnsubscribe(messageId, ctx.pathParam("sig"))) {
            ctx.status(404).result("This link is not valid.");
            return;
        }
        record(messageId, "Message Unsubscribed", "unsubscribed", "once");
        ctx.contentType("text/html; charset=utf-8")
                .result("<!doctype html><html><body><p>You are unsubscribed.</p></body></html>");
    }

    private void record(String messageId, String event, String type, String key) {
        Optional<OutboxEntry> message = outbox.find(messageId);
        if (message.isEmpty()) {
            return;
        }
        OutboxEntry entry = message.get();
        reports.report(messageId, entry.userId(), Channel.find(entry.channel()).orElse(Channel.EMAIL), event, type,
                key, null);
    }
}
