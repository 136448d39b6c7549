package dev.herald.core.testing;

import dev.herald.core.event.EventType;
import dev.herald.core.profile.Channel;
import dev.herald.core.trigger.Condition;
import dev.herald.core.trigger.ContentBrief;
import dev.herald.core.trigger.Entry;
import dev.herald.core.trigger.Exit;
import dev.herald.core.trigger.MessageKind;
import dev.herald.core.trigger.Reentry;
import dev.herald.core.trigger.Scope;
import dev.herald.core.trigger.TriggerDefinition;
import dev.herald.core.trigger.TriggerSet;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/** The five shipped triggers, as the app's triggers.yaml defines them, built in code for core tests. */
public final class TestTriggers {

    private TestTriggers() {}

    public static TriggerSet shipped() {
        return TriggerSet.of(List.of(abandonedCart(), browseAbandonment(), inactivity(), priceDrop(), orderShipped()));
    }

    public static TriggerDefinition abandonedCart() {
        return new TriggerDefinition("abandoned_cart", "Abandoned cart", MessageKind.MARKETING, 80, Scope.CART,
                new Entry(Set.of(EventType.PRODUCT_ADDED), false, List.of()), Duration.ofHours(1), true,
                Duration.ofHours(2), new Exit(Set.of(EventType.ORDER_COMPLETED), false, true, false),
                new Reentry.Once(Duration.ofDays(30)), List.of(Channel.EMAIL, Channel.PUSH, Channel.SMS,
                        Channel.IN_APP),
                true, List.of("default"), brief("cart"));
    }

    public static TriggerDefinition browseAbandonment() {
        return new TriggerDefinition("browse_abandonment", "Browse abandonment", MessageKind.MARKETING, 40,
                Scope.PRODUCT, new Entry(Set.of(EventType.PRODUCT_VIEWED), false, List.of(
                        new Condition.ViewedAtLeast(2, Duration.ofHours(24)), new Condition.NotInCart(),
                        new Condition.NotPurchasedWithin(Duration.ofDays(30)))),
                Duration.ofHours(2), true, Duration.ofHours(22),
                new Exit(Set.of(EventType.PRODUCT_ADDED, EventType.ORDER_COMPLETED), false, false, true),
                new Reentry.Cooldown(Duration.ofDays(7)), List.of(Channel.EMAIL, Channel.PUSH, Channel.IN_APP), true,
                List.of("default"), brief("browse"));
    }

    public static TriggerDefinition inactivity() {
        return new TriggerDefinition("inactivity", "Seven quiet days", MessageKind.MARKETING, 20, Scope.USER,
                new Entry(Set.of(), true, List.of()), Duration.ofDays(7), true, Duration.ofDays(3),
                new Exit(Set.of(), true, false, false), new Reentry.Cooldown(Duration.ofDays(30)),
                List.of(Channel.EMAIL, Channel.PUSH, Channel.IN_APP), true, List.of("default"), brief("inactive"));
    }

    public static TriggerDefinition priceDrop() {
        return new TriggerDefinition("price_drop", "Price drop", MessageKind.MARKETING, 60, Scope.PRODUCT,
                new Entry(Set.of(EventType.PRICE_CHANGED), false, List.of(
                        new Condition.PriceDropAtLeast(BigDecimal.valueOf(5)),
                        new Condition.InterestedWithin(Duration.ofDays(14), true, true),
                        new Condition.NotPurchasedWithin(Duration.ofDays(14)))),
                Duration.ZERO, false, Duration.ofHours(24),
                new Exit(Set.of(EventType.ORDER_COMPLETED), false, false, true),
                new Reentry.Cooldown(Duration.ofDays(7)), List.of(Channel.PUSH, Channel.EMAIL, Channel.SMS,
                        Channel.IN_APP),
                true, List.of("default"), brief("price"));
    }

    public static TriggerDefinition orderShipped() {
        return new TriggerDefinition("order_shipped", "Order shipped", MessageKind.TRANSACTIONAL, 100, Scope.ORDER,
                new Entry(Set.of(EventType.ORDER_SHIPPED), false, List.of()), Duration.ZERO, false,
                Duration.ofHours(2), Exit.NONE, new Reentry.Once(Duration.ofDays(30)),
                List.of(Channel.SMS, Channel.EMAIL, Channel.PUSH), true, List.of("default"), brief("shipped"));
    }

    private static ContentBrief brief(String goal) {
        return new ContentBrief(goal, "", "", List.of());
    }
}
