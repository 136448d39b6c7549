package dev.herald.core.event;

import java.time.Instant;
import java.util.Objects;

/** A user took a product out of a cart (Segment `Product Removed`). */
public record ProductRemoved(String messageId, String userId, Instant timestamp, String cartId, LineItem item)
        implements UserEvent {

    public ProductRemoved {
        Checks.text(messageId, "messageId");
        Checks.text(userId, "userId");
        Checks.time(timestamp);
        cartId = Objects.requireNonNullElse(cartId, "");
        Objects.requireNonNull(item, "item");
    }

    @Override
    public EventType type() {
        return EventType.PRODUCT_REMOVED;
    }
}
