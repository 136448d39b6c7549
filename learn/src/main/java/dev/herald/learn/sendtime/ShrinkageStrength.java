package dev.herald.learn.sendtime;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * Estimates the shrinkage strength k from the users' counts: how far users really differ from the population's
 * pattern, by the method of moments for a Dirichlet-multinomial.
 *
 * <p>
 * If a user's hour shares are drawn from a Dirichlet of mean p and strength k, and their N engagements fall in hours
 * by those shares, the squared distance {@code D = sum_h (n_h / N - p_h)^2} has expectation {@code G (N + k) / (N (1 +
 * k))} with {@code G = 1 - sum_h p_h^2}. So {@code r = N D / G} averages {@code (mean N + k) / (1 + k)} and
 * {@code k = (mean N - mean r) / (mean r - 1)}. Weighted and decayed counts are treated as counts of unit events,
 * which makes k an approximation when the weights vary; users with a total below 2 say nothing about the spread and are
 * skipped.
 */
public final class ShrinkageStrength {

    /** The largest strength returned: users indistinguishable from the population. */
    public static final double MAX = 1000;

    private ShrinkageStrength() {}

    /**
     * The estimated strength, between 0 and {@link #MAX}.
     *
     * @param userCounts each user's 168 counts
     * @param prior the population's 168 shares, summing to 1
     * @throws IllegalArgumentException when fewer than 2 users have a total of 2 or more, or an array is not 168 long
     */
    public static double estimate(Collection<double[]> userCounts, double[] prior) {
        Objects.requireNonNull(userCounts, "userCounts");
        checkLength(prior, "the prior");
        double gini = 1;
        for (double share : prior) {
            gini -= share * share;
        }
        double sumTotals = 0;
        double sumRatios = 0;
        int users = 0;
        for (double[] counts : userCounts) {
            checkLength(counts, "a user's counts");
            double total = 0;
            for (double count : counts) {
                total += count;
            }
            if (total < 2) {
                continue;
            }
            double distance = 0;
            for (int hour = 0; hour < HourOfWeek.HOURS; hour++) {
                double gap = counts[hour] / total - prior[hour];
                distance += gap * gap;
            }
            sumTotals += total;
            sumRatios += total * distance / gini;
            users++;
        }
        if (users < 2) {
            throw new IllegalArgumentException("estimating the shrinkage strength needs at least 2 users with 2 or more"
                    + " engagements, got " + users);
        }
        double meanTotal = sumTotals / users;
        double meanRatio = sumRatios / users;
        if (meanRatio <= 1) {
            return MAX;
        }
        double strength = (meanTotal - meanRatio) / (meanRatio - 1);
        return Math.max(0, Math.min(MAX, strength));
    }

    /** The estimated strength from users' clocks decayed to {@code now} and the population's pattern. */
    public static double estimate(Collection<EngagementClock> users, PopulationPattern population, Instant now) {
        List<double[]> counts = new ArrayList<>(users.size());
        for (EngagementClock user : users) {
            counts.add(user.countsAt(now, population.decay()));
        }
        return estimate(counts, population.probabilities());
    }

    private static void checkLength(double[] values, String name) {
        Objects.requireNonNull(values, name);
        if (values.length != HourOfWeek.HOURS) {
            throw new IllegalArgumentException(name + " must have " + HourOfWeek.HOURS + " values, got "
                    + values.length);
        }
    }
}
