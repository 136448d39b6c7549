package dev.herald.core.testing;

import dev.herald.core.event.Activity;
import dev.herald.core.event.Engagement;
import dev.herald.core.event.EngagementType;
import dev.herald.core.event.Identify;
import dev.herald.core.event.LineItem;
import dev.herald.core.event.OrderCompleted;
import dev.herald.core.event.OrderShipped;
import dev.herald.core.event.PriceChanged;
import dev.herald.core.event.Product;
import dev.herald.core.event.ProductAdded;
import dev.herald.core.event.ProductRemoved;
import dev.herald.core.event.ProductViewed;
import dev.herald.core.profile.Channel;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/** Short builders for test events; message ids are unique per JVM. */
public final class Events {

    private static final AtomicLong IDS = new AtomicLong();

    private Events() {}

    private static String id() {
        return "e" + IDS.incrementAndGet();
    }

    public static Product product(String id, String price) {
        return new Product(id, "Product " + id, new BigDecimal(price), "EUR", "", "", "", "");
    }

    public static ProductViewed view(String user, String productId, Instant at) {
        return new ProductViewed(id(), user, at, product(productId, "10.00"));
    }

    public static ProductAdded add(String user, String productId, Instant at) {
        return new ProductAdded(id(), user, at, "", new LineItem(product(productId, "10.00"), 1));
    }

    public static ProductRemoved remove(String user, String productId, Instant at) {
        return new ProductRemoved(id(), user, at, "", new LineItem(product(productId, "10.00"), 1));
    }

    public static OrderCompleted order(String user, Instant at, String... productIds) {
        List<LineItem> items = Arrays.stream(productIds).map(p -> new LineItem(product(p, "10.00"), 1))
                .toList();
        return new OrderCompleted(id(), user, at, "o-" + IDS.incrementAndGet(), items, null, "EUR");
    }

    public static OrderShipped shipped(String user, String orderId, Instant at) {
        return new OrderShipped(id(), user, at, orderId, List.of(new LineItem(product("p1", "10.00"), 1)), "DHL",
                "https://track.example/1");
    }

    public static Activity activity(String user, Instant at) {
        return new Activity(id(), user, at, "Application Opened");
    }

    public static Identify identify(String user, Instant at, Map<String, Object> traits) {
        return new Identify(id(), user, at, traits);
    }

    public static PriceChanged priceChange(String productId, String from, String to, Instant at) {
        return new PriceChanged(id(), at, product(productId, to), new BigDecimal(from));
    }

    public static Engagement engagement(String user, EngagementType type, String messageId, Channel channel,
            Instant at) {
        return new Engagement(id(), user, at, type, messageId, channel);
    }
}
