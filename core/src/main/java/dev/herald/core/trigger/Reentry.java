package dev.herald.core.trigger;

import java.time.Duration;
import java.util.Objects;

/** How often one user may get a trigger's message for the same scope (the same cart, product, order or user). */
public sealed interface Reentry {

    /** How long a message must be remembered to apply the rule. */
    Duration memory();

    /** At most once per scope key (per cart, per order); remembered for {@code memory}. */
    record Once(Duration memory) implements Reentry {
        public Once {
            Objects.requireNonNull(memory, "memory");
            if (memory.isNegative() || memory.isZero()) {
                throw new IllegalArgumentException("once must be remembered for a positive time, got " + memory);
            }
        }
    }

    /** At most once per {@code period} per scope key. */
    record Cooldown(Duration period) implements Reentry {
        public Cooldown {
            Objects.requireNonNull(period, "period");
            if (period.isNegative() || period.isZero()) {
                throw new IllegalArgumentException("cooldown must be positive, got " + period);
            }
        }

        @Override
        public Duration memory() {
            return period;
        }
    }

    /** No limit beyond the frequency caps. */
    record Always() implements Reentry {
        @Override
        public Duration memory() {
            return Duration.ZERO;
        }
    }
}
