package dev.herald.server.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.herald.core.profile.Channel;
import dev.herald.server.ingest.Journal;
import dev.herald.server.ingest.OwnEvents;
import dev.herald.store.EngagementRow;
import dev.herald.store.Engagements;
import dev.herald.store.Inbox;
import dev.herald.store.InboxItem;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * The in-app inbox the shop's app polls (write key): {@code GET /v1/users/{id}/inbox} lists a user's messages,
 * newest first ({@code ?unread=true} for unread only), and {@code POST /v1/users/{id}/inbox/{messageId}/read}
 * marks one read, which counts as an open.
 */
public final class InboxRoutes implements HttpApi.RouteGroup {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Keys keys;
    private final Inbox inbox;
    private final Engagements engagements;
    private final Journal journal;
    private final OwnEvents own;
    private final Clock clock;

    public InboxRoutes(Keys keys, Inbox inbox, Engagements engagements, Journal journal, OwnEvents own,
            Clock clock) {
        this.keys = keys;
        this.inbox = inbox;
        this.engagements = engagements;
        this.journal = journal;
        this.own = own;
        this.clock = clock;
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
        Instant now = clock.instant();
        if (!inbox.markRead(userId, messageId, now)) {
            throw new ApiError(404, "user " + userId + " has no unread message " + messageId);
        }
        journal.submit(own.one("Message Opened", messageId, userId, Channel.IN_APP, now, "read")).join();
        engagements.record(List.of(EngagementRow.of(messageId, userId, "opened", Channel.IN_APP.key(), now, null,
                null)));
        ctx.json(JSON.createObjectNode().put("messageId", messageId).put("read", true));
    }
}
