package dev.herald.learn.sendtime;

import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;

/**
 * Everyone's engagement by hour of the week (each in their own local time), decayed like a user's: the prior toward
 * which a user with little data is shrunk. With no data at all it is uniform over the week.
 *
 * <p>
 * Thread-safe: engagements of all users may be added concurrently.
 */
public final class PopulationPattern {

    private final Decay decay;
    private final double[] counts = new double[HourOfWeek.HOURS];
    private long referenceSecond;
    private boolean empty = true;

    /** An empty pattern forgetting at the given rate. */
    public PopulationPattern(Decay decay) {
        this.decay = Objects.requireNonNull(decay, "decay");
    }

    /** The decay shared by this pattern and the users' clocks. */
    public Decay decay() {
        return decay;
    }

    /**
     * Adds an engagement of the given weight at the given hour and time.
     *
     * @throws IllegalArgumentException when the weight is negative or not finite
     */
    public synchronized void add(HourOfWeek hour, double weight, Instant at) {
        Objects.requireNonNull(hour, "hour");
        if (!(weight >= 0) || Double.isInfinite(weight)) {
            throw new IllegalArgumentException("an engagement weight must be a finite number >= 0, got " + weight);
        }
        long second = at.getEpochSecond();
        if (empty) {
            referenceSecond = second;
            empty = false;
        } else if (second > referenceSecond) {
            double factor = decay.factor(referenceSecond, second);
            for (int i = 0; i < counts.length; i++) {
                counts[i] *= factor;
            }
            referenceSecond = second;
        } else if (second < referenceSecond) {
            weight *= decay.factor(second, referenceSecond);
        }
        counts[hour.value()] += weight;
    }

    /** The decayed counts per hour at {@code now}: a fresh array of 168 values. */
    public synchronized double[] countsAt(Instant now) {
        if (empty) {
            return new double[HourOfWeek.HOURS];
        }
        double factor = decay.factor(referenceSecond, now.getEpochSecond());
        return Arrays.stream(counts).map(count -> count * factor).toArray();
    }

    /**
     * The share of engagement in each hour (168 values summing to 1). Decay scales every hour alike, so the shares do
     * not depend on the time they are read; uniform when nothing was added.
     */
    public synchronized double[] probabilities() {
        double total = Arrays.stream(counts).sum();
        if (total <= 0) {
            double[] uniform = new double[HourOfWeek.HOURS];
            Arrays.fill(uniform, 1.0 / HourOfWeek.HOURS);
            return uniform;
        }
        return Arrays.stream(counts).map(count -> count / total).toArray();
    }
}
