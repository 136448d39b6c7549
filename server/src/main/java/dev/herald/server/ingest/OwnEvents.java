package dev.herald.server.ingest;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.herald.core.profile.Channel;
import dev.herald.server.segment.SegmentParser;
import dev.herald.server.segment.SegmentResult;
import java.time.Instant;
import java.util.List;

/**
 * Events Herald makes itself (a click, an open, an unsubscribe, a bounce), written as the Segment calls a shop
 * would send, so that they take the same durable path into the engine and are replayed the same way after a
 * restart.
 */
public final class OwnEvents {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final SegmentParser parser;

    public OwnEvents(SegmentParser parser) {
        this.parser = parser;
    }

    /**
     * A {@code Message Clicked}, {@code Opened}, {@code Unsubscribed}, {@code Bounced}... event.
     *
     * @param name the Segment event name, for example {@code Message Clicked}
     * @param key what makes this event unique among its kind (an unsubscribe is one per message; a click is one per
     *     moment), for its messageId
     */
    public Incoming engagement(String name, String messageId, String userId, Channel channel, Instant at,
            String key) {
        ObjectNode call = JSON.createObjectNode();
        call.put("type", "track").put("event", name).put("userId", userId)
                .put("messageId", "herald:" + name.toLowerCase(java.util.Locale.ROOT).replace(' ', '_') + ":"
                        + messageId + ":" + key)
                .put("timestamp", at.toString());
        call.putObject("properties").put("message_id", messageId).put("channel", channel.key());
        SegmentResult result = parser.parse(call, null, at);
        if (!result.isOk()) {
            throw new IllegalStateException("Herald's own event cannot be read: " + result.problems());
        }
        return new Incoming(result.events().get(0), call.toString(), at);
    }

    /** The same event in a list, for {@link Journal#submit}. */
    public List<Incoming> one(String name, String messageId, String userId, Channel channel, Instant at, String key) {
        return List.of(engagement(name, messageId, userId, channel, at, key));
    }
}
