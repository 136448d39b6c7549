package dev.herald.core.trigger;

/**
 * What one occurrence of a trigger is about, and so what its re-entry rule counts: the user as a whole (inactivity),
 * one cart (abandoned cart), one product (browse abandonment, price drop) or one order (order shipped).
 */
public enum Scope {
    USER,
    CART,
    PRODUCT,
    ORDER
}
