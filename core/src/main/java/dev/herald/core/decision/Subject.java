package dev.herald.core.decision;

import dev.herald.core.event.LineItem;
import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * The facts an occurrence is about, for the writer and for fact-checking: the items (the cart, the viewed or
 * re-priced product, the order's lines), the order, and a price change.
 *
 * @param orderId the order, or {@code ""}
 * @param previousPrice the price before a price drop, or {@code null}
 * @param carrier the shipping carrier, or {@code ""}
 * @param trackingUrl the shipment's tracking link, or {@code ""}
 */
public record Subject(
        List<LineItem> items, String orderId, BigDecimal previousPrice, String carrier, String trackingUrl) {

    /** Nothing in particular (an inactivity reminder with no recent items). */
    public static final Subject NONE = new Subject(List.of(), "", null, "", "");

    public Subject {
        items = List.copyOf(items);
        orderId = Objects.requireNonNullElse(orderId, "");
        carrier = Objects.requireNonNullElse(carrier, "");
        trackingUrl = Objects.requireNonNullElse(trackingUrl, "");
    }

    /** The given items and nothing else. */
    public static Subject of(List<LineItem> items) {
        return items.isEmpty() ? NONE : new Subject(items, "", null, "", "");
    }
}
