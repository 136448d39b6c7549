package dev.herald.core.decision;

/**
 * The few facts about a user that a message's wording may depend on, when its trigger's brief asks for them.
 *
 * @param orders the number of orders the user has completed
 * @param averageOrderValue the mean value of those orders, 0 when there are none (in the shop's currency)
 */
public record UserFacts(int orders, double averageOrderValue) {

    /** A user with no orders. */
    public static final UserFacts NONE = new UserFacts(0, 0);

    public UserFacts {
        if (orders < 0 || averageOrderValue < 0 || Double.isNaN(averageOrderValue)) {
            throw new IllegalArgumentException("orders and average order value must not be negative");
        }
    }

    /** The facts from an order count and the revenue of those orders. */
    public static UserFacts of(int orders, double revenue) {
        return orders <= 0 ? NONE : new UserFacts(orders, Math.max(0, revenue) / orders);
    }
}
