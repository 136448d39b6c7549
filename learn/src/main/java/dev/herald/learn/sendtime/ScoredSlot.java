package dev.herald.learn.sendtime;

import java.time.Instant;
import java.util.Objects;

/**
 * A candidate send time with the estimated probability that the user engages in its hour of the week.
 *
 * @param at the send time
 * @param hour its hour of the week in the user's zone
 * @param score the user's smoothed share of engagement in that hour (0 to 1; the 168 hours sum to 1)
 */
public record ScoredSlot(Instant at, HourOfWeek hour, double score) {

    public ScoredSlot {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(hour, "hour");
        if (!(score >= 0 && score <= 1)) {
            throw new IllegalArgumentException("a slot's score is a probability, got " + score);
        }
    }
}
