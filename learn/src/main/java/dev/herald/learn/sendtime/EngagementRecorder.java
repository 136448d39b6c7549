package dev.herald.learn.sendtime;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;

/**
 * Feeds engagements into a user's clock and the population pattern at once: the hour of the week in the user's zone,
 * the weight of the engagement's kind, the population's decay.
 */
public final class EngagementRecorder {

    private final PopulationPattern population;
    private final EngagementWeights weights;

    public EngagementRecorder(PopulationPattern population, EngagementWeights weights) {
        this.population = Objects.requireNonNull(population, "population");
        this.weights = Objects.requireNonNull(weights, "weights");
    }

    /** Records one engagement of the user at the given time, in the user's zone. */
    public void record(EngagementClock user, Engagement kind, Instant at, ZoneId zone) {
        Objects.requireNonNull(user, "user");
        HourOfWeek hour = HourOfWeek.of(at, zone);
        double weight = weights.of(Objects.requireNonNull(kind, "kind"));
        user.add(hour, weight, at, population.decay());
        population.add(hour, weight, at);
    }
}
