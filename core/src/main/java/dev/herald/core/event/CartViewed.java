package dev.herald.core.event;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** A user looked at their cart (Segment {@code Cart Viewed}). */
public record CartViewed(String messageId, String userId, Instant timestamp, String cartId, List<LineItem> items)
        implements UserEvent {

    public CartViewed {
        Checks.text(messageId, "messageId");
        Checks.text(userId, "userId");
        Checks.time(timestamp);
        cartId = Objects.requireNonNullElse(cartId, "");
        items = List.copyOf(items);
    }

    @Override
    public EventType type() {
        return EventType.CART_VIEWED;
    }
}
