package dev.herald.server.track;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.herald.core.profile.Channel;
import dev.herald.delivery.sms.InboundSms;
import dev.herald.delivery.sms.TwilioStatusCallback;
import dev.herald.delivery.sms.TwilioWebhooks;
import dev.herald.server.http.ApiError;
import dev.herald.server.http.HttpApi;
import dev.herald.server.ingest.EngagementReports;
import dev.herald.server.ingest.Incoming;
import dev.herald.server.ingest.Journal;
import dev.herald.server.segment.SegmentParser;
import dev.herald.store.Outbox;
import dev.herald.store.OutboxEntry;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Twilio's webhooks, each checked against {@code X-Twilio-Signature}: status callbacks (delivered, undelivered,
 * failed; a number Twilio reports bad becomes a bounce, so the engine marks it unusable) and inbound messages (STOP
 * and the other opt-out keywords withdraw the user's SMS consent; START gives it back).
 */
public final class TwilioRoutes implements HttpApi.RouteGroup {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String EMPTY_TWIML = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response></Response>";

    private final TwilioWebhooks webhooks;
    private final String publicUrl;
    private final Outbox outbox;
    private final EngagementReports reports;
    private final Journal journal;
    private final SegmentParser parser;

    public TwilioRoutes(TwilioWebhooks webhooks, String publicUrl, Outbox outbox, EngagementReports reports,
            Journal journal, SegmentParser parser) {
        this.webhooks = webhooks;
        this.publicUrl = publicUrl.replaceAll("/+$", "");
        this.outbox = outbox;
        this.reports = reports;
        this.journal = journal;
        this.parser = parser;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.post("/hooks/twilio/status", this::status);
        routes.post("/hooks/twilio/inbound", this::inbound);
    }

    private Map<String, String> verified(Context ctx) {
        Map<String, String> params = new LinkedHashMap<>();
        ctx.formParamMap().forEach((name, values) -> params.put(name, values.isEmpty() ? "" : values.get(0)));
        String url = publicUrl + ctx.path() + (ctx.queryString() == null ? "" : "?" + ctx.queryString());
        if (!webhooks.isValid(ctx.header(TwilioWebhooks.SIGNATURE_HEADER), url, params)) {
            throw new ApiError(403, "X-Twilio-Signature does not match " + url
                    + "; is server.public_url the address Twilio calls?");
        }
        return params;
    }

    private void status(Context ctx) {
        Map<String, String> params = verified(ctx);
        params.putIfAbsent("message_id", Optional.ofNullable(ctx.queryParam("message_id")).orElse(""));
        TwilioStatusCallback callback;
        try {
            callback = webhooks.statusCallback(params);
        } catch (IllegalArgumentException e) {
            throw new ApiError(400, e.getMessage());
        }
        Optional<OutboxEntry> message = callback.messageId().isEmpty() ? Optional.empty()
                : outbox.find(callback.messageId());
        if (message.isPresent() && callback.status().isFinal()) {
            OutboxEntry entry = message.get();
            String type = switch (callback.status()) {
                case DELIVERED, READ, PARTIALLY_DELIVERED -> "delivered";
                default -> callback.contactInvalid() ? "bounced" : "failed";
            };
            String event = switch (type) {
                case "delivered" -> "Message Delivered";
                case "bounced" -> "Message Bounced";
                default -> "Message Failed";
            };
            reports.report(entry.messageId(), entry.userId(), Channel.SMS, event, type,
                    callback.status().name().toLowerCase(java.util.Locale.ROOT), callback.errorCode().isPresent()
                            ? "{\"twilioError\": " + callback.errorCode().getAsInt() + "}" : null);
        }
        ctx.status(204);
    }

    private void inbound(Context ctx) {
        InboundSms sms;
        try {
            sms = webhooks.inbound(verified(ctx));
        } catch (IllegalArgumentException e) {
            throw new ApiError(400, e.getMessage());
        }
        switch (sms) {
            case InboundSms.OptOut out -> consent(out.from(), false);
            case InboundSms.OptIn in -> consent(in.from(), true);
            case InboundSms.Help help -> {
                // Twilio answers HELP itself on numbers with Advanced Opt-Out; nothing to record.
            }
            case InboundSms.Reply reply -> {
                // A reply that is not a keyword: not an instruction Herald acts on.
            }
        }
        ctx.contentType("text/xml").result(EMPTY_TWIML);
    }

    /** Withdraws or gives back SMS marketing consent of the user the number belongs to, through an identify. */
    private void consent(String phone, boolean granted) {
        Optional<String> user = outbox.userOfAddress("sms", phone);
        if (user.isEmpty()) {
            return;
        }
        Instant now = reports.now();
        ObjectNode call = JSON.createObjectNode().put("type", "identify").put("userId", user.get())
                .put("messageId", "herald:sms_consent:" + user.get() + ":" + now.toEpochMilli())
                .put("timestamp", now.toString());
        call.putObject("traits").putObject("consent").put("sms", granted);
        var result = parser.parse(call, null, now);
        journal.submit(List.of(new Incoming(result.events().get(0), call.toString(), now))).join();
    }
}
