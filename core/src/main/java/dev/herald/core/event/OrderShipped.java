package dev.herald.core.event;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** The shop shipped a user's order; the source of the transactional shipping notice. */
public record OrderShipped(
        String messageId,
        String userId,
        Instant timestamp,
        String orderId,
        List<LineItem> items,
        String carrier,
        String trackingUrl)
        implements UserEvent {

    public OrderShipped {
        Checks.text(messageId, "messageId");
        Checks.text(userId, "userId");
        Checks.time(timestamp);
        Checks.text(orderId, "orderId");
        items = List.copyOf(items);
        carrier = Objects.requireNonNullElse(carrier, "");
        trackingUrl = Objects.requireNonNullElse(trackingUrl, "");
    }

    @Override
    public EventType type() {
        return EventType.ORDER_SHIPPED;
    }
}
