package dev.herald.server.ingest;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.herald.core.event.Event;
import dev.herald.core.event.Identify;
import dev.herald.core.profile.Channel;
import dev.herald.core.profile.ContactPoint;
import dev.herald.core.profile.Profile;
import dev.herald.server.http.ApiError;
import dev.herald.server.segment.SegmentParser;
import dev.herald.server.segment.SegmentResult;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Turns the body of a Segment tracking API request into stored-form events, all or nothing: a request with any bad
 * call is refused whole (400, every problem named by its field), so nothing of it is stored half.
 */
public final class SegmentIntake {

    /** Segment's own limits: 32 KB for one call, 500 KB for a batch. */
    public static final int MAX_CALL_BYTES = 32 * 1024;

    public static final int MAX_BATCH_BYTES = 500 * 1024;

    /** Calls Segment may forward that Herald has no use for; accepted and not stored. */
    private static final Set<String> IGNORED = Set.of("alias", "group");

    private static final ObjectMapper JSON = new ObjectMapper();

    private final SegmentParser parser;

    public SegmentIntake(SegmentParser parser) {
        this.parser = parser;
    }

    /**
     * Reads a request's body.
     *
     * @param endpoint the call type the endpoint implies ({@code track}, {@code identify}, {@code page},
     *     {@code screen}) or {@code batch}
     */
    public List<Incoming> read(String endpoint, byte[] body, Instant receivedAt) {
        int limit = endpoint.equals("batch") ? MAX_BATCH_BYTES : MAX_CALL_BYTES;
        if (body.length > limit) {
            throw new ApiError(413, "the body is " + body.length + " bytes; a " + endpoint + " request may have at"
                    + " most " + limit + " (Segment's limit); send fewer calls per batch");
        }
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (JacksonException e) {
            throw new ApiError(400, "the body is not valid JSON: " + e.getOriginalMessage()
                    + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ", column "
                            + e.getLocation().getColumnNr() + ")"));
        } catch (java.io.IOException e) {
            throw new ApiError(400, "the body cannot be read: " + e.getMessage());
        }
        if (root == null || !root.isObject()) {
            throw new ApiError(400, "the body must be a JSON object (a Segment call)");
        }
        List<Incoming> events = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        if (endpoint.equals("batch")) {
            JsonNode batch = root.get("batch");
            if (batch == null || !batch.isArray()) {
                throw new ApiError(400, "\"batch\": required, a list of Segment calls");
            }
            for (int i = 0; i < batch.size(); i++) {
                call(batch.get(i), null, receivedAt, "batch[" + i + "].", events, problems);
            }
        } else {
            call(root, endpoint, receivedAt, "", events, problems);
        }
        if (!problems.isEmpty()) {
            throw new ApiError(400, problems.size() == 1 ? problems.get(0)
                    : problems.size() + " calls cannot be read; nothing was stored", problems);
        }
        return events;
    }

    /**
     * An email address or phone number sent over the API that Herald cannot use is refused, naming the trait, so the
     * sender learns it now (a replayed log keeps such values with their problem instead).
     */
    private static List<String> contactProblems(Event event) {
        if (!(event instanceof Identify identify)) {
            return List.of();
        }
        Profile profile = Profile.EMPTY.withTraits(identify.traits());
        List<String> problems = new ArrayList<>();
        for (Channel channel : List.of(Channel.EMAIL, Channel.SMS)) {
            ContactPoint point = profile.contactFor(channel);
            if (point.isPresent() && !point.isUsable()) {
                problems.add("traits." + (channel == Channel.EMAIL ? "email" : "phone") + ": " + point.problem());
            }
        }
        return problems;
    }

    private void call(JsonNode node, String type, Instant receivedAt, String prefix, List<Incoming> events,
            List<String> problems) {
        if (node == null || !node.isObject()) {
            problems.add(prefix.isEmpty() ? "a call must be a JSON object" : prefix + " must be a JSON object");
            return;
        }
        ObjectNode call = (ObjectNode) node;
        if (type != null && !call.has("type")) {
            call.put("type", type);
        }
        if (IGNORED.contains(call.path("type").asText())) {
            return;
        }
        SegmentResult result = parser.parse(call, null, receivedAt);
        result.problems().forEach(p -> problems.add(prefix + p));
        if (result.isOk()) {
            for (Event event : result.events()) {
                contactProblems(event).forEach(p -> problems.add(prefix + p));
                events.add(new Incoming(event, call.toString(), receivedAt));
            }
        }
    }
}
