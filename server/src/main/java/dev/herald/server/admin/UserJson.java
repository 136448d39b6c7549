package dev.herald.server.admin;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.herald.core.event.LineItem;
import dev.herald.core.profile.Channel;
import dev.herald.core.profile.ContactPoint;
import dev.herald.core.profile.Profile;
import dev.herald.core.state.Interest;
import dev.herald.core.state.UserState;
import java.time.Instant;

/** What the engine knows about a user, as the admin API shows it. */
final class UserJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private UserJson() {}

    static ObjectNode of(UserState state) {
        ObjectNode node = JSON.createObjectNode();
        node.put("userId", state.userId());
        Profile profile = state.profile();
        ObjectNode p = node.putObject("profile");
        p.put("firstName", profile.firstName()).put("locale", profile.locale())
                .put("timeZone", profile.zone() == null ? null : profile.zone().getId())
                .put("preferredChannel", profile.preferredChannel());
        contact(p, "email", profile.email());
        contact(p, "phone", profile.phone());
        contact(p, "pushToken", profile.pushToken());
        ObjectNode consent = p.putObject("marketingConsent");
        for (Channel channel : Channel.values()) {
            consent.put(channel.key(), profile.hasMarketingConsent(channel));
        }
        profile.notes().forEach(p.putArray("notes")::add);
        node.put("orders", state.orders()).put("revenue", state.revenue());
        node.put("lastActivity", time(state.lastActivity()));
        ArrayNode cart = node.putArray("cart");
        for (LineItem item : state.cart().items()) {
            cart.addObject().put("productId", item.product().id()).put("name", item.product().name())
                    .put("quantity", item.quantity());
        }
        ArrayNode interests = node.putArray("recentProducts");
        for (Interest interest : state.interests()) {
            interests.addObject().put("productId", interest.productId()).put("views", interest.views())
                    .put("lastViewed", time(interest.lastViewed()));
        }
        node.put("waitingTriggers", state.armed().size()).put("scheduledMessages", state.sends().size());
        return node;
    }

    private static void contact(ObjectNode node, String name, ContactPoint point) {
        if (point.isPresent()) {
            ObjectNode c = node.putObject(name).put("value", point.value()).put("usable", point.isUsable());
            if (!point.problem().isEmpty()) {
                c.put("problem", point.problem());
            }
        }
    }

    private static String time(long millis) {
        return millis <= 0 || millis == Long.MAX_VALUE ? null : Instant.ofEpochMilli(millis).toString();
    }
}
