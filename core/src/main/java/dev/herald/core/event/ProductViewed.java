package dev.herald.core.event;

import java.time.Instant;
import java.util.Objects;

/** A user looked at a product (Segment `Product Viewed`). */
public record ProductViewed(String messageId, String userId, Instant timestamp, Product product) implements UserEvent {

    public ProductViewed {
        Checks.text(messageId, "messageId");
        Checks.text(userId, "userId");
        Checks.time(timestamp);
        Objects.requireNonNull(product, "product");
    }

    @Override
    public EventType type() {
        return EventType.PRODUCT_VIEWED;
    }
}
