package dev.herald.core.state;

import dev.herald.core.event.LineItem;
import dev.herald.core.event.Product;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A user's current cart: a key that identifies it for "once per cart", its lines, and when it started. A cart starts
 * with the first item added to an empty cart and ends when emptied or ordered.
 *
 * @param key the shop's cart id when it sends one, else {@code cart-N} counted per user
 */
public record Cart(String key, List<LineItem> items, long startedAt) {

    /** No cart. */
    public static final Cart EMPTY = new Cart("", List.of(), Times.NEVER);

    /** At most this many distinct lines are kept; older lines are dropped first. */
    static final int MAX_LINES = 20;

    public Cart {
        Objects.requireNonNull(key, "key");
        items = List.copyOf(items);
    }

    public boolean isEmpty() {
        return items.isEmpty();
    }

    /** The sum of priced lines (price times quantity); lines without a price count as zero. */
    public BigDecimal value() {
        BigDecimal total = BigDecimal.ZERO;
        for (LineItem item : items) {
            if (item.product().price() != null) {
                total = total.add(item.product().price().multiply(BigDecimal.valueOf(item.quantity())));
            }
        }
        return total;
    }

    /** Whether a product is in the cart. */
    public boolean contains(String productId) {
        for (LineItem item : items) {
            if (item.product().id().equals(productId)) {
                return true;
            }
        }
        return false;
    }

    Cart add(String newKey, LineItem line, long at) {
        List<LineItem> lines = new ArrayList<>(items.size() + 1);
        boolean merged = false;
        for (LineItem item : items) {
            if (!merged && item.product().id().equals(line.product().id())) {
                lines.add(new LineItem(line.product(), item.quantity() + line.quantity()));
                merged = true;
            } else {
                lines.add(item);
            }
        }
        if (!merged) {
            lines.add(line);
        }
        while (lines.size() > MAX_LINES) {
            lines.remove(0);
        }
        return new Cart(isEmpty() ? newKey : key, lines, isEmpty() ? at : startedAt);
    }

    Cart remove(Product product, int quantity) {
        List<LineItem> lines = new ArrayList<>(items.size());
        for (LineItem item : items) {
            if (item.product().id().equals(product.id())) {
                int left = item.quantity() - quantity;
                if (left > 0) {
                    lines.add(new LineItem(item.product(), left));
                }
            } else {
                lines.add(item);
            }
        }
        return lines.isEmpty() ? EMPTY : new Cart(key, lines, startedAt);
    }
}
