package dev.herald.core.trigger;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Objects;

/** A condition an entry event must meet before a trigger's timer starts. */
public sealed interface Condition {

    /** The product in the event was viewed at least {@code times} times within {@code within} (this view counted). */
    record ViewedAtLeast(int times, Duration within) implements Condition {
        public ViewedAtLeast {
            if (times < 1) {
                throw new IllegalArgumentException("times must be at least 1, got " + times);
            }
            positive(within, "within");
        }
    }

    /** The product in the event is not in the user's cart. */
    record NotInCart() implements Condition {}

    /** The user has not bought the product in the event within {@code within}. */
    record NotPurchasedWithin(Duration within) implements Condition {
        public NotPurchasedWithin {
            positive(within, "within");
        }
    }

    /** The price went down by at least {@code percent} per cent (Price Changed only). */
    record PriceDropAtLeast(BigDecimal percent) implements Condition {
        public PriceDropAtLeast {
            Objects.requireNonNull(percent, "percent");
            if (percent.signum() < 0 || percent.compareTo(BigDecimal.valueOf(100)) > 0) {
                throw new IllegalArgumentException("percent must be between 0 and 100, got " + percent);
            }
        }
    }

    /** The user viewed (when {@code viewed}) or carted (when {@code carted}) the product within {@code within}. */
    record InterestedWithin(Duration within, boolean viewed, boolean carted) implements Condition {
        public InterestedWithin {
            positive(within, "within");
            if (!viewed && !carted) {
                throw new IllegalArgumentException("interest must count views, cart adds or both");
            }
        }
    }

    /** The cart's value, after the event, is at least {@code amount} (items without a price count as zero). */
    record CartValueAtLeast(BigDecimal amount) implements Condition {
        public CartValueAtLeast {
            Objects.requireNonNull(amount, "amount");
            if (amount.signum() < 0) {
                throw new IllegalArgumentException("cart value must not be negative, got " + amount);
            }
        }
    }

    private static void positive(Duration duration, String name) {
        Objects.requireNonNull(duration, name);
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, got " + duration);
        }
    }
}
