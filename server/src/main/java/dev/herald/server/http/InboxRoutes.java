package dev.herald.server.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.herald.core.profile.Channel;
import dev.herald.server.ingest.EngagementReports;
import dev.herald.store.Inbox;
import dev.herald.store.InboxItem;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

/**
 * The in-app inbox the shop's app polls (write key): {@code GET /v1/users/{id}/inbox} lists a user's messages,
 * newest first ({@code ?unread=true} for unread only), and {@code POST /v1/users/{id}/inbox/{messageId}/read}
 * marks one read, which counts as an open.
 */
public final class InboxRoutes implements HttpApi.RouteGroup {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Keys keys;
    private final Inbox inbox;
    private final EngagementReports reports;

    public InboxRoutes(Keys keys, Inbox inbox, EngagementReports reports) {
        this.keys = keys;
        this.inbox = inbox;
        this.reports = reports;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/v1/users/{id}/inbox", this::list);
        routes.post("/v1/users/{id}/inbox/{message}/read", this::read);
    }

    private void list(Context ctx) {
        keys.requireWriteKey(ctx.header("Authorization"));
        boolean unread = "true".equalsIgnoreCase(ctx.queryParam("unread"));
        ArrayNode items = JSON.createArrayNode();
        for (InboxItem item : inbox.list(ctx.pathParam("id"), unread, 100)) {
            items.addObject().put("messageId", item.messageId()).put("title", item.title())
                    .put("markdown", item.markdown()).put("callToAction", item.callToAction())
                    .put("url", item.url()).put("createdAt", item.createdAt().toString())
                    .put("read", item.isRead());
        }
        ObjectNode body = JSON.createObjectNode();
        body.set("messages", items);
        ctx.json(body);
    }

    private void read(Context ctx) {
        keys.requireWriteKey(ctx.header("Authorization"));
        String userId = ctx.pathParam("id");
        String messageId = ctx.pathParam("message");
        if (!inbox.markRead(userId, messageId, reports.now())) {
            throw new ApiError(404, "user " + userId + " has no unread message " + messageId);
        }
        reports.report(messageId, userId, Channel.IN_APP, "Message Opened", "opened", "read", null);
        ctx.json(JSON.createObjectNode().put("messageId", messageId).put("read", true));
    }
}
