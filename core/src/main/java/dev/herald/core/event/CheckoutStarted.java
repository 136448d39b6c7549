package dev.herald.core.event;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** A user began to check out (Segment {@code Checkout Started}); {@code value} may be null when not sent. */
public record CheckoutStarted(
        String messageId, String userId, Instant timestamp, String orderId, List<LineItem> items, BigDecimal value)
        implements UserEvent {

    public CheckoutStarted {
        Checks.text(messageId, "messageId");
        Checks.text(userId, "userId");
        Checks.time(timestamp);
        orderId = Objects.requireNonNullElse(orderId, "");
        items = List.copyOf(items);
    }

    @Override
    public EventType type() {
        return EventType.CHECKOUT_STARTED;
    }
}
