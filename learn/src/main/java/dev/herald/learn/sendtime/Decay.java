package dev.herald.learn.sendtime;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Exponential forgetting: a count observed at one time weighs {@code 2^(-elapsed / halfLife)} at a later time. Counts
 * are decayed lazily, when they are read or added to, never by a periodic job.
 *
 * @param halfLife the time after which an observation weighs half; positive
 */
public record Decay(Duration halfLife) {

    /** The default: engagement four weeks old counts half. */
    public static final Decay DEFAULT = new Decay(Duration.ofDays(28));

    public Decay {
        Objects.requireNonNull(halfLife, "halfLife");
        if (halfLife.isNegative() || halfLife.isZero()) {
            throw new IllegalArgumentException("the decay half-life must be positive, got " + halfLife);
        }
    }

    /**
     * The factor that carries a weight from {@code from} to {@code to}: below 1 when {@code to} is later, above 1
     * when it is earlier.
     */
    public double factor(Instant from, Instant to) {
        return factor(from.getEpochSecond(), to.getEpochSecond());
    }

    double factor(long fromSecond, long toSecond) {
        if (fromSecond == toSecond) {
            return 1.0;
        }
        return Math.exp(-Math.log(2) * (toSecond - fromSecond) / (double) halfLife.toSeconds());
    }
}
