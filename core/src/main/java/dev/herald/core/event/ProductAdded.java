package dev.herald.core.event;

import java.time.Instant;
import java.util.Objects;

/** A user put a product in a cart (Segment `Product Added`). `cartId` is `""` when the shop sends none. */
public record ProductAdded(String messageId, String userId, Instant timestamp, String cartId, LineItem item)
        implements UserEvent {

    public ProductAdded {
        Checks.text(messageId, "messageId");
        Checks.text(userId, "userId");
        Checks.time(timestamp);
        cartId = Objects.requireNonNullElse(cartId, "");
        Objects.requireNonNull(item, "item");
    }

    @Override
    public EventType type() {
        return EventType.PRODUCT_ADDED;
    }
}
