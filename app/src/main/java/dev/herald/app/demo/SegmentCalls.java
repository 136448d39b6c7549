package dev.herald.app.demo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.herald.core.event.Activity;
import dev.herald.core.event.Event;
import dev.herald.core.event.LineItem;
import dev.herald.core.event.OrderCompleted;
import dev.herald.core.event.PriceChanged;
import dev.herald.core.event.Product;
import dev.herald.core.event.ProductAdded;
import dev.herald.core.event.ProductRemoved;
import dev.herald.core.event.ProductViewed;
import java.util.Optional;

/**
 * Events of an imported log written back as the Segment calls a shop would send, for streaming a log through the
 * HTTP API. Covers what the Taobao and REES46 importers produce; other events give nothing.
 */
final class SegmentCalls {

    private static final ObjectMapper JSON = new ObjectMapper();

    private SegmentCalls() {}

    static Optional<ObjectNode> of(Event event) {
        ObjectNode call = JSON.createObjectNode().put("type", "track").put("messageId", event.messageId())
                .put("timestamp", event.timestamp().toString());
        switch (event) {
            case ProductViewed viewed -> product(call.put("userId", viewed.userId()).put("event", "Product Viewed")
                    .putObject("properties"), viewed.product());
            case ProductAdded added -> item(call.put("userId", added.userId()).put("event", "Product Added")
                    .putObject("properties").put("cart_id", added.cartId()), added.item());
            case ProductRemoved removed -> item(call.put("userId", removed.userId()).put("event", "Product Removed")
                    .putObject("properties").put("cart_id", removed.cartId()), removed.item());
            case OrderCompleted order -> {
                ObjectNode properties = call.put("userId", order.userId()).put("event", "Order Completed")
                        .putObject("properties").put("order_id", order.orderId());
                if (order.revenue() != null) {
                    properties.put("revenue", order.revenue());
                }
                if (!order.currency().isEmpty()) {
                    properties.put("currency", order.currency());
                }
                for (LineItem line : order.items()) {
                    item(properties.withArray("products").addObject(), line);
                }
            }
            case PriceChanged change -> product(call.put("event", "Price Changed").putObject("properties")
                    .put("previous_price", change.previousPrice()), change.product());
            case Activity activity -> call.put("userId", activity.userId()).put("event", activity.name());
            default -> {
                return Optional.empty();
            }
        }
        return Optional.of(call);
    }

    private static void item(ObjectNode properties, LineItem item) {
        product(properties, item.product());
        properties.put("quantity", item.quantity());
    }

    private static void product(ObjectNode properties, Product product) {
        properties.put("product_id", product.id());
        if (!product.name().isEmpty()) {
            properties.put("name", product.name());
        }
        if (product.price() != null) {
            properties.put("price", product.price());
        }
        if (!product.currency().isEmpty()) {
            properties.put("currency", product.currency());
        }
        if (!product.category().isEmpty()) {
            properties.put("category", product.category());
        }
        if (!product.brand().isEmpty()) {
            properties.put("brand", product.brand());
        }
    }
}
