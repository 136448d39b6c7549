package dev.herald.learn.sendtime;

import java.time.Duration;
import java.util.Objects;

/**
 * How the send-time model turns counts into slots.
 *
 * @param strength the shrinkage strength k: how many (weighted) engagements the population's pattern counts for in a
 *     user's estimate. 0 uses the user's own counts only (falling back to the population when the user has none)
 * @param neighbourWeight the weight w of each neighbouring hour in the circular kernel [w, 1 - 2w, w] that smooths the
 *     estimate; 0 to 1/3. 0 leaves it unsmoothed
 * @param step the spacing of candidate slots, aligned on the hour in the user's zone; between 1 minute and 1 hour,
 *     dividing an hour
 */
public record SendTimeSettings(double strength, double neighbourWeight, Duration step) {

    /** k = 10 (an open weighs 1, an order 4), w = 0.25, slots every 30 minutes. */
    public static final SendTimeSettings DEFAULT = new SendTimeSettings(10.0, 0.25, Duration.ofMinutes(30));

    public SendTimeSettings {
        if (!(strength >= 0) || Double.isInfinite(strength)) {
            throw new IllegalArgumentException("the shrinkage strength must be a finite number >= 0, got "
                    + strength);
        }
        if (!(neighbourWeight >= 0 && neighbourWeight <= 1.0 / 3)) {
            throw new IllegalArgumentException("the neighbour weight must be between 0 and 1/3, got "
                    + neighbourWeight);
        }
        Objects.requireNonNull(step, "step");
        if (step.compareTo(Duration.ofMinutes(1)) < 0 || step.compareTo(Duration.ofHours(1)) > 0
                || Duration.ofHours(1).toSeconds() % step.toSeconds() != 0) {
            throw new IllegalArgumentException("the slot step must divide an hour (1 minute to 1 hour), got " + step);
        }
    }

    /** A copy with another shrinkage strength. */
    public SendTimeSettings withStrength(double newStrength) {
        return new SendTimeSettings(newStrength, neighbourWeight, step);
    }

    /** A copy with another neighbour weight. */
    public SendTimeSettings withNeighbourWeight(double newNeighbourWeight) {
        return new SendTimeSettings(strength, newNeighbourWeight, step);
    }
}
