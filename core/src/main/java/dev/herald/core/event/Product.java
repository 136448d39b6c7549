package dev.herald.core.event;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;

/**
 * A product as an event describes it. Only {@code id} is required; a log such as Taobao's carries nothing else.
 *
 * @param id the shop's product id (Segment {@code product_id}); never null or blank
 * @param name the product's name, or {@code ""} when unknown
 * @param price the unit price, or {@code null} when unknown
 * @param currency ISO 4217 code, or {@code ""} when unknown
 * @param category the category path, or {@code ""}
 * @param brand the brand, or {@code ""}
 * @param url the product page, or {@code ""}
 * @param imageUrl the product image, or {@code ""}
 */
public record Product(
        String id,
        String name,
        BigDecimal price,
        String currency,
        String category,
        String brand,
        String url,
        String imageUrl) {

    public Product {
        Objects.requireNonNull(id, "product id");
        if (id.isBlank()) {
            throw new IllegalArgumentException("product id must not be blank");
        }
        name = Objects.requireNonNullElse(name, "");
        currency = Objects.requireNonNullElse(currency, "");
        category = Objects.requireNonNullElse(category, "");
        brand = Objects.requireNonNullElse(brand, "");
        url = Objects.requireNonNullElse(url, "");
        imageUrl = Objects.requireNonNullElse(imageUrl, "");
        if (price != null && price.signum() < 0) {
            throw new IllegalArgumentException("price of product " + id + " must not be negative, got " + price);
        }
    }

    /** A product known only by its id. */
    public static Product ofId(String id) {
        return new Product(id, "", null, "", "", "", "", "");
    }

    /** The price, when the event carried one. */
    public Optional<BigDecimal> findPrice() {
        return Optional.ofNullable(price);
    }

    /** A copy with another price. */
    public Product withPrice(BigDecimal newPrice) {
        return new Product(id, name, newPrice, currency, category, brand, url, imageUrl);
    }
}
