package dev.herald.learn.sendtime;

import dev.herald.core.policy.PolicyRequest;
import dev.herald.core.profile.Channel;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Proposes send times for a message: candidate slots inside the request's send window and outside the channel's
 * quiet hours, ranked by how likely the user is to engage in their hour of the week.
 *
 * <p>
 * The likelihood of hour h is the user's decayed count shrunk toward the population's share, {@code (n_h + k p_h) /
 * (N + k)}, then smoothed with the circular kernel {@code [w, 1 - 2w, w]} over the neighbouring hours
 * (docs/LEARNING.md, "Send-time model").
 *
 * <p>
 * Thread-safe as long as the clock passed in is not being written at the same time.
 */
public final class SendTimeModel {

    /** Windows longer than this many slots are refused rather than scanned. */
    static final int MAX_SLOTS = 20_000;

    private static final Comparator<ScoredSlot> BEST_FIRST = Comparator.comparingDouble(ScoredSlot::score)
            .reversed().thenComparing(ScoredSlot::at);

    private final PopulationPattern population;
    private final SendTimeSettings settings;

    public SendTimeModel(PopulationPattern population, SendTimeSettings settings) {
        this.population = Objects.requireNonNull(population, "population");
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /**
     * The user's estimated share of engagement in each hour of the week at {@code now}: 168 values summing to 1. A
     * user with no engagement gets the population's (smoothed) pattern.
     */
    public double[] pattern(EngagementClock user, Instant now) {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(now, "now");
        double[] prior = population.probabilities();
        double[] counts = user.countsAt(now, population.decay());
        double total = 0;
        for (double count : counts) {
            total += count;
        }
        double strength = settings.strength();
        double[] shrunk = new double[HourOfWeek.HOURS];
        if (total + strength <= 0) {
            System.arraycopy(prior, 0, shrunk, 0, shrunk.length);
        } else {
            for (int hour = 0; hour < HourOfWeek.HOURS; hour++) {
                shrunk[hour] = (counts[hour] + strength * prior[hour]) / (total + strength);
            }
        }
        return smooth(shrunk, settings.neighbourWeight());
    }

    static double[] smooth(double[] values, double neighbourWeight) {
        int hours = values.length;
        double[] result = new double[hours];
        for (int hour = 0; hour < hours; hour++) {
            double before = values[Math.floorMod(hour - 1, hours)];
            double after = values[(hour + 1) % hours];
            result[hour] = neighbourWeight * (before + after) + (1 - 2 * neighbourWeight) * values[hour];
        }
        return result;
    }

    /**
     * Ranks the send times the channel may use for this request.
     *
     * <p>
     * Candidates are the window's start (or, when it falls in quiet hours, the earliest allowed time that
     * {@link PolicyRequest#fit} gives), every slot of the settings' step aligned on the hour in the user's zone
     * strictly inside the window, and the window's end; those inside the channel's quiet hours are left out. Each is
     * scored by {@link #pattern} at its hour of the week, with the user's counts decayed to the window's start.
     *
     * @param limit how many of the best slots to return, at least 1
     * @return the best {@code limit} slots, best first (ties: earlier first), plus the earliest allowed slot when it
     *     is not among them (so at most {@code limit + 1}); empty when the channel may not send at any time in the
     *     window
     * @throws IllegalArgumentException when {@code limit} is below 1, or the window holds more than 20,000 slots
     */
    public List<ScoredSlot> propose(PolicyRequest request, Channel channel, EngagementClock user, int limit) {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(channel, "channel");
        if (limit < 1) {
            throw new IllegalArgumentException("ask for at least one slot, got limit " + limit);
        }
        Instant start = request.windowStart();
        Instant end = request.windowEnd();
        Duration step = settings.step();
        if (Duration.between(start, end).dividedBy(step) > MAX_SLOTS) {
            throw new IllegalArgumentException("the send window " + start + " to " + end + " holds more than "
                    + MAX_SLOTS + " slots of " + step + "; use a longer step or a shorter window");
        }
        Optional<Instant> earliest = request.fit(channel, start);
        Set<Instant> times = new LinkedHashSet<>();
        earliest.ifPresent(times::add);
        Instant slot = start.atZone(request.zone()).truncatedTo(ChronoUnit.HOURS).toInstant();
        for (; !slot.isAfter(end); slot = slot.plus(step)) {
            if (slot.isAfter(start) && request.allows(channel, slot)) {
                times.add(slot);
            }
        }
        if (request.allows(channel, end)) {
            times.add(end);
        }
        if (times.isEmpty()) {
            return List.of();
        }

        double[] pattern = pattern(user, start);
        List<ScoredSlot> scored = new ArrayList<>(times.size());
        for (Instant time : times) {
            HourOfWeek hour = HourOfWeek.of(time, request.zone());
            scored.add(new ScoredSlot(time, hour, Math.min(1.0, pattern[hour.value()])));
        }
        scored.sort(BEST_FIRST);
        List<ScoredSlot> best = new ArrayList<>(scored.subList(0, Math.min(limit, scored.size())));
        if (earliest.isPresent() && best.stream().noneMatch(s -> s.at().equals(earliest.get()))) {
            scored.stream().filter(s -> s.at().equals(earliest.get())).findFirst().ifPresent(best::add);
        }
        return List.copyOf(best);
    }
}
