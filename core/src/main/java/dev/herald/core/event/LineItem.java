package dev.herald.core.event;

import java.util.Objects;

/** A product with a quantity, as in a cart or an order. */
public record LineItem(Product product, int quantity) {

    public LineItem {
        Objects.requireNonNull(product, "product");
        if (quantity <= 0) {
            throw new IllegalArgumentException("quantity of product " + product.id() + " must be positive, got "
                    + quantity);
        }
    }
}
