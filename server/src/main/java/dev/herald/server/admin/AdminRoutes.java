package dev.herald.server.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import dev.herald.core.engine.Engine;
import dev.herald.core.state.UserState;
import dev.herald.core.trigger.TriggerDefinition;
import dev.herald.core.trigger.TriggerSet;
import dev.herald.server.http.ApiError;
import dev.herald.server.http.HttpApi;
import dev.herald.server.http.Keys;
import dev.herald.server.runtime.EngineRunner;
import dev.herald.store.DecisionRow;
import dev.herald.store.EngagementRow;
import dev.herald.store.OutboxEntry;
import dev.herald.store.Store;

import dev.herald.store.UserData;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;

/**
 * The admin API (Bearer admin key): the triggers; a user's profile, messages and decisions; decisions with their
 * traces; a user's data export and deletion.
 */
public final class AdminRoutes implements HttpApi.RouteGroup {

    /** Instants (in an export's rows) as ISO-8601 text, as everywhere else in the API. */
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new SimpleModule()
            .addSerializer(Instant.class, ToStringSerializer.instance));
    private static final int MAX_LIMIT = 1000;

    private final Keys keys;
    private final TriggerSet triggers;
    private final EngineRunner runner;
    private final Store store;
    private final BiFunction<Engine, String, Boolean> forget;

    /** @param forget removes a user from the engine, saying whether it knew them */
    public AdminRoutes(Keys keys, TriggerSet triggers, EngineRunner runner, Store store,
            BiFunction<Engine, String, Boolean> forget) {
        this.keys = keys;
        this.triggers = triggers;
        this.runner = runner;
        this.store = store;
        this.forget = forget;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.before("/admin/*", ctx -> keys.requireAdminKey(ctx.header("Authorization")));
        routes.get("/admin/triggers", this::triggers);
        routes.get("/admin/users/{id}", this::user);
        routes.get("/admin/users/{id}/messages", this::messages);
        routes.get("/admin/users/{id}/export", this::export);
        routes.delete("/admin/users/{id}", this::delete);
        routes.get("/admin/decisions", this::decisions);
        routes.get("/admin/decisions/{id}", this::decision);
        routes.get("/admin/stats", this::stats);
        routes.post("/admin/clock", this::clock);
    }

    private void triggers(Context ctx) {
        ArrayNode list = JSON.createArrayNode();
        for (TriggerDefinition t : triggers.all()) {
            ObjectNode node = list.addObject().put("id", t.id()).put("name", t.name())
                    .put("kind", t.kind().name().toLowerCase(java.util.Locale.ROOT)).put("priority", t.priority())
                    .put("scope", t.scope().name().toLowerCase(java.util.Locale.ROOT))
                    .put("wait", t.waitTime().toString()).put("urgency", t.urgency().toString());
            t.channels().forEach(c -> node.withArray("channels").add(c.key()));
            t.variants().forEach(node.withArray("variants")::add);
            node.putObject("brief").put("goal", t.brief().goal()).put("tone", t.brief().tone())
                    .put("callToAction", t.brief().callToAction());
        }
        ctx.json(JSON.createObjectNode().set("triggers", list));
    }

    private void user(Context ctx) {
        String id = ctx.pathParam("id");
        Optional<UserState> state = engine(engine -> engine.find(id));
        if (state.isEmpty()) {
            throw new ApiError(404, "no user " + id + " is known to the engine");
        }
        ObjectNode node = UserJson.of(state.get());
        node.set("messages", messagesOf(id, limit(ctx)));
        ctx.json(node);
    }

    private void messages(Context ctx) {
        ctx.json(JSON.createObjectNode().set("messages", messagesOf(ctx.pathParam("id"), limit(ctx))));
    }

    private ArrayNode messagesOf(String userId, int limit) {
        ArrayNode list = JSON.createArrayNode();
        for (OutboxEntry entry : store.outbox().forUser(userId, limit)) {
            ObjectNode node = list.addObject().put("messageId", entry.messageId()).put("trigger", entry.triggerId())
                    .put("channel", entry.channel()).put("status", entry.status().key())
                    .put("dueAt", String.valueOf(entry.dueAt())).put("attempts", entry.attempts());
            if (entry.lastError() != null) {
                node.put("lastError", entry.lastError());
            }
            node.set("content", tree(entry.content()));
            ArrayNode engagement = node.putArray("engagement");
            for (EngagementRow row : store.engagements().forMessage(entry.messageId())) {
                engagement.addObject().put("type", row.type()).put("at", row.at().toString());
            }
        }
        return list;
    }

    private void export(Context ctx) {
        String id = ctx.pathParam("id");
        UserData data = store.users().export(id);
        ObjectNode node = JSON.valueToTree(data);
        engine(engine -> engine.find(id)).ifPresent(state -> node.set("engineState", UserJson.of(state)));
        ctx.json(node);
    }

    private void delete(Context ctx) {
        String id = ctx.pathParam("id");
        boolean known = engine(engine -> forget.apply(engine, id));
        int rows = store.users().delete(id);
        ctx.json(JSON.createObjectNode().put("userId", id).put("deletedRows", rows).put("engineForgot", known));
    }

    private void decisions(Context ctx) {
        List<DecisionRow> rows = store.decisions().recent(limit(ctx), Optional.ofNullable(ctx.queryParam("trigger")),
                Optional.ofNullable(ctx.queryParam("outcome")));
        ArrayNode list = JSON.createArrayNode();
        rows.forEach(row -> list.add(decisionJson(row)));
        ctx.json(JSON.createObjectNode().set("decisions", list));
    }

    private void decision(Context ctx) {
        DecisionRow row = store.decisions().find(ctx.pathParam("id"))
                .orElseThrow(() -> new ApiError(404, "no decision " + ctx.pathParam("id")));
        ctx.json(decisionJson(row));
    }

    private void stats(Context ctx) {
        ObjectNode node = JSON.createObjectNode();
        node.putPOJO("outbox", store.outbox().countByStatus());
        node.putPOJO("engagement", store.engagements().countByType());
        node.put("lastEventSeq", store.events().lastSeq()).put("appliedEventSeq", runner.appliedSeq());
        ctx.json(node);
    }

    /** Event-time mode: {@code {"advanceTo": "2024-05-08T00:00:00Z"}} moves engine time forward. */
    private void clock(Context ctx) {
        JsonNode body;
        try {
            body = JSON.readTree(ctx.body());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new ApiError(400, "the body is not valid JSON: " + e.getOriginalMessage());
        }
        java.time.Instant to;
        try {
            to = java.time.Instant.parse(body.path("advanceTo").asText());
        } catch (java.time.format.DateTimeParseException e) {
            throw new ApiError(400, "advanceTo: an ISO-8601 instant is required, like 2024-05-08T00:00:00Z");
        }
        try {
            java.time.Instant now = runner.advanceTo(to).get(60, TimeUnit.SECONDS);
            ctx.json(JSON.createObjectNode().put("engineTime", now.toString()));
        } catch (IllegalStateException e) {
            throw new ApiError(409, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiError(503, "interrupted");
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new ApiError(503, "the engine did not move in time: " + e);
        }
    }

    private static ObjectNode decisionJson(DecisionRow row) {
        ObjectNode node = JSON.createObjectNode().put("id", row.id()).put("userId", row.userId())
                .put("trigger", row.triggerId()).put("outcome", row.outcome()).put("reason", row.reason())
                .put("channel", row.channel()).put("sendAt", row.sendAt() == null ? null : row.sendAt().toString())
                .put("variant", row.variant()).put("propensity", row.propensity()).put("policy", row.policy())
                .put("experiment", row.experiment()).put("experimentVariant", row.experimentVariant());
        node.set("trace", tree(row.trace()));
        if (row.content() != null) {
            node.set("content", tree(row.content()));
        }
        return node;
    }

    private static JsonNode tree(String json) {
        try {
            return JSON.readTree(json);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return JSON.getNodeFactory().textNode(json);
        }
    }

    private static int limit(Context ctx) {
        String text = ctx.queryParam("limit");
        if (text == null) {
            return 100;
        }
        try {
            int limit = Integer.parseInt(text);
            if (limit < 1 || limit > MAX_LIMIT) {
                throw new ApiError(400, "limit: must be between 1 and " + MAX_LIMIT + ", got " + limit);
            }
            return limit;
        } catch (NumberFormatException e) {
            throw new ApiError(400, "limit: must be a whole number, got \"" + text + "\"");
        }
    }

    private <T> T engine(java.util.function.Function<Engine, T> question) {
        try {
            return runner.ask(question).get(10, TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new ApiError(503, "the engine is busy; retry shortly");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiError(503, "interrupted");
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

}
