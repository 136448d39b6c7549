package dev.herald.core.event;

import java.util.Locale;
import java.util.Optional;

/**
 * The kinds of events Herald understands, named as in Segment's e-commerce spec where one exists.
 *
 * <p>{@link #ACTIVITY} covers session and app-open events and any other user action Herald has no special rule for.
 */
public enum EventType {
    PRODUCT_VIEWED("Product Viewed"),
    PRODUCT_ADDED("Product Added"),
    PRODUCT_REMOVED("Product Removed"),
    CART_VIEWED("Cart Viewed"),
    CHECKOUT_STARTED("Checkout Started"),
    ORDER_COMPLETED("Order Completed"),
    ORDER_SHIPPED("Order Shipped"),
    PRICE_CHANGED("Price Changed"),
    ACTIVITY("Activity"),
    IDENTIFY("Identify"),
    MESSAGE_DELIVERED("Message Delivered"),
    MESSAGE_OPENED("Message Opened"),
    MESSAGE_CLICKED("Message Clicked"),
    MESSAGE_UNSUBSCRIBED("Message Unsubscribed"),
    MESSAGE_BOUNCED("Message Bounced"),
    MESSAGE_FAILED("Message Failed");

    private final String displayName;

    EventType(String displayName) {
        this.displayName = displayName;
    }

    /** The name a shop sends, for example {@code "Product Added"}. */
    public String displayName() {
        return displayName;
    }

    /**
     * Whether the user did something themselves: the events that end inactivity. Profile updates and delivery
     * reports are not activity; opening or clicking a message is.
     */
    public boolean isUserActivity() {
        return switch (this) {
            case PRODUCT_VIEWED, PRODUCT_ADDED, PRODUCT_REMOVED, CART_VIEWED, CHECKOUT_STARTED, ORDER_COMPLETED,
                    ACTIVITY, MESSAGE_OPENED, MESSAGE_CLICKED -> true;
            case ORDER_SHIPPED, PRICE_CHANGED, IDENTIFY, MESSAGE_DELIVERED, MESSAGE_UNSUBSCRIBED, MESSAGE_BOUNCED,
                    MESSAGE_FAILED -> false;
        };
    }

    /**
     * Finds a type by its display name or its constant name, ignoring case, spaces and underscores, so that
     * {@code "Product Added"}, {@code "product_added"} and {@code "PRODUCT_ADDED"} all match.
     */
    public static Optional<EventType> find(String name) {
        String wanted = normalize(name);
        for (EventType type : values()) {
            if (normalize(type.displayName).equals(wanted) || normalize(type.name()).equals(wanted)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }

    private static String normalize(String name) {
        return name.replace(" ", "").replace("_", "").toLowerCase(Locale.ROOT);
    }
}
