package dev.herald.core.event;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * A catalog event: a product's price changed. It is keyed by product, not by user; the engine fans it out to the
 * users who showed interest in the product.
 *
 * @param product the product with its new price (required)
 * @param previousPrice the price before the change (required)
 */
public record PriceChanged(String messageId, Instant timestamp, Product product, BigDecimal previousPrice)
        implements Event {

    public PriceChanged {
        Checks.text(messageId, "messageId");
        Checks.time(timestamp);
        Objects.requireNonNull(product, "product");
        Objects.requireNonNull(previousPrice, "previousPrice");
        if (product.price() == null) {
            throw new IllegalArgumentException("Price Changed for product " + product.id() + " needs the new price");
        }
    }

    /** The new price. */
    public BigDecimal newPrice() {
        return product.price();
    }

    /** Whether the price went down. */
    public boolean isDrop() {
        return newPrice().compareTo(previousPrice) < 0;
    }

    @Override
    public EventType type() {
        return EventType.PRICE_CHANGED;
    }
}
