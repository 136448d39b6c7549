package dev.herald.server.runtime;

import dev.herald.core.event.Engagement;
import dev.herald.core.event.Event;
import dev.herald.core.event.OrderCompleted;
import dev.herald.store.EngagementRow;
import dev.herald.store.Engagements;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Attributes orders to messages: an Order Completed within 72 hours after a click on a message, or else within 24
 * hours after it was opened or delivered, is that message's conversion, with the order's revenue. Sees the events
 * in the engine's order (on the engine thread); each order is recorded once, even when a restart replays it.
 */
public final class Attribution implements Consumer<Event> {

    /** The default windows: 72 hours after a click, 24 hours after an open or delivery. */
    public static final Duration CLICK_WINDOW = Duration.ofHours(72);

    public static final Duration VIEW_WINDOW = Duration.ofHours(24);

    /** Users whose last touches are kept; the longest unseen are dropped first. */
    static final int USERS = 1_000_000;

    private record Touch(String messageId, String channel, Instant at) {}

    private record Touches(Touch click, Touch view) {}

    private final Engagements engagements;
    private final Map<String, Touches> users = new LinkedHashMap<>(1024, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Touches> eldest) {
            return size() > USERS;
        }
    };

    private final Duration clickWindow;
    private final Duration viewWindow;

    public Attribution(Engagements engagements) {
        this(engagements, CLICK_WINDOW, VIEW_WINDOW);
    }

    public Attribution(Engagements engagements, Duration clickWindow, Duration viewWindow) {
        this.engagements = engagements;
        this.clickWindow = clickWindow;
        this.viewWindow = viewWindow;
    }

    @Override
    public void accept(Event event) {
        switch (event) {
            case Engagement engagement -> touch(engagement);
            case OrderCompleted order -> convert(order);
            default -> {
                // Other events neither touch nor convert.
            }
        }
    }

    private void touch(Engagement engagement) {
        if (engagement.heraldMessageId().isEmpty()) {
            return;
        }
        Touch touch = new Touch(engagement.heraldMessageId(), engagement.channel() == null ? null
                : engagement.channel().key(), engagement.timestamp());
        Touches before = users.getOrDefault(engagement.userId(), new Touches(null, null));
        switch (engagement.engagement()) {
            case CLICKED -> users.put(engagement.userId(), new Touches(touch, before.view()));
            case OPENED, DELIVERED -> users.put(engagement.userId(), new Touches(before.click(), touch));
            default -> {
                // Unsubscribes, bounces and failures lead to no order.
            }
        }
    }

    private void convert(OrderCompleted order) {
        Touches touches = users.get(order.userId());
        if (touches == null) {
            return;
        }
        Instant at = order.timestamp();
        String via;
        Touch touch;
        if (within(touches.click(), at, clickWindow)) {
            touch = touches.click();
            via = "click";
        } else if (within(touches.view(), at, viewWindow)) {
            touch = touches.view();
            via = "view";
        } else {
            return;
        }
        engagements.record(List.of(EngagementRow.of(touch.messageId(), order.userId(), "converted",
                touch.channel(), at, order.revenue(), "{\"order\": \"" + order.messageId().replaceAll("[\"\\\\]", "")
                        + "\", \"via\": \"" + via + "\"}")));
    }

    private static boolean within(Touch touch, Instant at, Duration window) {
        return touch != null && !at.isBefore(touch.at()) && !at.isAfter(touch.at().plus(window));
    }
}
