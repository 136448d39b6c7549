package dev.herald.experiments.stats;

import java.util.Objects;
import java.util.Optional;

/**
 * Follows one comparison (a variant against a baseline, on one metric) over successive snapshots of cumulative counts
 * and keeps the always-valid p-value as the running minimum of {@code min(1, 1 / Lambda)} and the always-valid
 * interval as the intersection of the intervals seen ({@link SequentialTest}). This is what makes peeking safe: the
 * chance that the p-value ever falls below alpha under "no difference", at any of any number of looks, is at most
 * alpha.
 *
 * <p>
 * Snapshots must be fed in time order, each with counts at least those of the previous one. A look where an arm has
 * too few users for the metric (1 for a rate, 2 for a mean) changes nothing. The state can be saved with
 * {@link #current()} and restored with {@link #resume}. Not thread-safe: one monitor per comparison, fed by one
 * thread.
 */
public final class SequentialMonitor {

    private final Metric metric;
    private final MixingVariance mixing;
    private final double alpha;
    private AlwaysValidEstimate current;
    private VariantCounts lastBaseline;
    private VariantCounts lastVariant;

    /**
     * A monitor that has seen nothing yet.
     *
     * @param metric
     *            the metric compared
     * @param mixing
     *            the mixing variance ({@link MixingVariance#DEFAULT} unless the experiment was planned otherwise)
     * @param alpha
     *            1 minus the interval's confidence level, in (0, 1)
     */
    public SequentialMonitor(Metric metric, MixingVariance mixing, double alpha) {
        this.metric = Objects.requireNonNull(metric, "metric");
        this.mixing = Objects.requireNonNull(mixing, "mixing");
        Checks.alpha(alpha);
        this.alpha = alpha;
    }

    /**
     * A monitor that continues from a saved state.
     *
     * @param state
     *            what {@link #current()} returned before
     */
    public static SequentialMonitor resume(Metric metric, MixingVariance mixing, double alpha,
            AlwaysValidEstimate state) {
        SequentialMonitor monitor = new SequentialMonitor(metric, mixing, alpha);
        monitor.current = Objects.requireNonNull(state, "state");
        return monitor;
    }

    /**
     * Takes one look at cumulative counts.
     *
     * @param baseline
     *            the baseline's counts so far
     * @param variant
     *            the variant's counts so far
     * @return the running estimate after this look; empty while no look had enough users
     * @throws IllegalArgumentException
     *             when a count went down since the previous snapshot (snapshots out of order, or not cumulative)
     */
    public Optional<AlwaysValidEstimate> observe(VariantCounts baseline, VariantCounts variant) {
        requireNotBehind(lastBaseline, baseline);
        requireNotBehind(lastVariant, variant);
        lastBaseline = baseline;
        lastVariant = variant;
        long minimum = metric.kind() == Metric.Kind.MEAN ? 2 : 1;
        if (baseline.exposed() < minimum || variant.exposed() < minimum) {
            return current();
        }
        AlwaysValidEstimate look = SequentialTest.of(metric, baseline, variant, mixing, alpha);
        current = current == null ? look : combine(current, look);
        return current();
    }

    /** The running estimate; empty while no look had enough users. */
    public Optional<AlwaysValidEstimate> current() {
        return Optional.ofNullable(current);
    }

    private static AlwaysValidEstimate combine(AlwaysValidEstimate before, AlwaysValidEstimate look) {
        double low = Math.max(before.ciLow(), look.ciLow());
        double high = Math.min(before.ciHigh(), look.ciHigh());
        if (low > high) {
            // Only a plug-in variance that was too small at some look can make the intervals disjoint; the latest
            // interval, built from the most data, is the one to show then.
            low = look.ciLow();
            high = look.ciHigh();
        }
        return new AlwaysValidEstimate(Math.min(before.pValue(), look.pValue()), low, high, look.tauSquared(),
                before.looks() + 1);
    }

    private static void requireNotBehind(VariantCounts before, VariantCounts now) {
        Objects.requireNonNull(now, "counts");
        if (before == null) {
            return;
        }
        if (!before.name().equals(now.name())) {
            throw new IllegalArgumentException("A monitor follows one pair of variants; got '" + now.name()
                    + "' where '" + before.name() + "' was before");
        }
        if (now.exposed() < before.exposed() || now.converted() < before.converted()
                || now.clicked() < before.clicked() || now.unsubscribed() < before.unsubscribed()) {
            throw new IllegalArgumentException("Counts of variant '" + now.name() + "' went down since the previous"
                    + " snapshot (exposed " + before.exposed() + " -> " + now.exposed() + ", converted "
                    + before.converted() + " -> " + now.converted() + "); feed cumulative snapshots in time order");
        }
    }
}
