package dev.herald.core.event;

/** An event about one user: behaviour, profile traits or engagement with a message. */
public sealed interface UserEvent extends Event
        permits ProductViewed, ProductAdded, ProductRemoved, CartViewed, CheckoutStarted, OrderCompleted,
        OrderShipped, Activity, Identify, Engagement {

    /** The user the event is about: Segment's {@code userId}, or its {@code anonymousId} when there is none. */
    String userId();
}
