package dev.herald.core.state;

import dev.herald.core.event.Product;
import java.util.Objects;

/**
 * A product a user showed interest in, with when they last viewed, carted and bought it, and how many times they
 * viewed it in the current counting window (which starts at a view and closes after the longest window a trigger
 * asks about).
 */
public record Interest(
        Product product, long lastViewed, long viewWindowStart, int views, long lastCarted, long lastPurchased) {

    public Interest {
        Objects.requireNonNull(product, "product");
    }

    static Interest first(Product product) {
        return new Interest(product, Times.NEVER, Times.NEVER, 0, Times.NEVER, Times.NEVER);
    }

    public String productId() {
        return product.id();
    }

    /** The latest of the view, cart and purchase times. */
    public long lastTouched() {
        return Math.max(lastViewed, Math.max(lastCarted, lastPurchased));
    }

    Interest viewed(Product seen, long at, long countWindowMillis) {
        boolean sameWindow = viewWindowStart != Times.NEVER && at - viewWindowStart <= countWindowMillis;
        return new Interest(richer(seen), at, sameWindow ? viewWindowStart : at, sameWindow ? views + 1 : 1,
                lastCarted, lastPurchased);
    }

    Interest carted(Product seen, long at) {
        return new Interest(richer(seen), lastViewed, viewWindowStart, views, at, lastPurchased);
    }

    Interest purchased(Product seen, long at) {
        return new Interest(richer(seen), lastViewed, viewWindowStart, views, lastCarted, at);
    }

    /** Keeps the description that says more, so a bare id in a later event does not erase a known name or price. */
    private Product richer(Product seen) {
        if (seen == product) {
            return product;
        }
        boolean seenIsBare = seen.name().isEmpty() && seen.price() == null;
        return seenIsBare ? product : seen;
    }
}
