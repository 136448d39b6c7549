package dev.herald.writer;

import dev.herald.core.decision.OutgoingMessage;
import dev.herald.core.decision.Subject;
import dev.herald.core.decision.UserFacts;
import dev.herald.core.event.LineItem;
import dev.herald.core.event.Product;
import dev.herald.core.profile.Channel;
import dev.herald.core.trigger.ContentBrief;
import dev.herald.core.trigger.MessageKind;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** Outgoing messages for the writer's tests. */
final class Messages {

    static final ContentBrief CART_BRIEF = new ContentBrief("Bring the shopper back to the cart they left.",
            "friendly", "Return to your cart", List.of());

    static final Product SHOES = new Product("p1", "Trail Runner 2 shoes", new BigDecimal("89.90"), "EUR",
            "apparel.shoes", "Pace", "https://shop.example/p/1", "https://cdn.shop.example/p1.jpg");

    private Messages() {}

    static OutgoingMessage cart(String id, String firstName, Channel channel, String locale, Product product) {
        return new OutgoingMessage(id, "u-" + id, "abandoned_cart", MessageKind.MARKETING, channel,
                channel == Channel.SMS ? "+491701234567" : "a@b.example", "default", locale, firstName,
                UserFacts.NONE, Subject.of(List.of(new LineItem(product, 1))), CART_BRIEF,
                Instant.parse("2024-03-04T10:00:00Z"));
    }

    static OutgoingMessage priceDrop(String id, Channel channel, Product product, String before) {
        return new OutgoingMessage(id, "u-" + id, "price_drop", MessageKind.MARKETING, channel, "a@b.example",
                "default", "en", "Anna", UserFacts.NONE,
                new Subject(List.of(new LineItem(product, 1)), "", new BigDecimal(before), "", ""),
                new ContentBrief("Tell the shopper the price dropped.", "factual", "See the new price", List.of()),
                Instant.parse("2024-03-04T10:00:00Z"));
    }
}
