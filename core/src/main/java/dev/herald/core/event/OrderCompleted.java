package dev.herald.core.event;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A user placed an order (Segment {@code Order Completed}).
 *
 * @param revenue the order's value; {@code null} when the event carries none and no item has a price
 */
public record OrderCompleted(
        String messageId,
        String userId,
        Instant timestamp,
        String orderId,
        List<LineItem> items,
        BigDecimal revenue,
        String currency)
        implements UserEvent {

    public OrderCompleted {
        Checks.text(messageId, "messageId");
        Checks.text(userId, "userId");
        Checks.time(timestamp);
        orderId = Objects.requireNonNullElse(orderId, "");
        items = List.copyOf(items);
        currency = Objects.requireNonNullElse(currency, "");
        if (revenue != null && revenue.signum() < 0) {
            throw new IllegalArgumentException("revenue must not be negative, got " + revenue);
        }
    }

    @Override
    public EventType type() {
        return EventType.ORDER_COMPLETED;
    }
}
