package dev.herald.server.experiment;

import dev.herald.core.experiment.Allocation;
import dev.herald.core.experiment.Experiment;
import dev.herald.core.experiment.Variant;
import dev.herald.core.experiment.VariantCounts;
import dev.herald.core.util.Fnv1a;
import dev.herald.experiments.stats.Metric;
import dev.herald.experiments.stats.ThompsonAllocation;
import java.util.ArrayList;
import java.util.List;

/**
 * A bandit's weights by Thompson sampling: each variant's share of new traffic is the posterior probability that it
 * is the best on the primary metric (Beta posteriors of its rate per exposed user), with the experiment's floor. A
 * revenue metric is learned through its conversion rate (revenue has no Beta posterior). The draws are seeded by the
 * experiment's seed and the number of users exposed so far, so the same counts give the same weights.
 */
public final class ThompsonAllocator implements BanditAllocator {

    private static final int DRAWS = 20_000;

    @Override
    public List<Double> weights(Experiment experiment, List<VariantCounts> counts) {
        if (!(experiment.allocation() instanceof Allocation.Bandit bandit)) {
            return experiment.weights();
        }
        List<VariantCounts> variants = counts.stream()
                .filter(arm -> arm.role() != dev.herald.core.experiment.Role.HOLDOUT).toList();
        long exposed = variants.stream().mapToLong(VariantCounts::exposed).sum();
        if (variants.size() < 2 || exposed == 0) {
            return experiment.weights();
        }
        Metric metric = StatisticsCounts.metric(experiment.metric());
        Metric learned = metric.kind() == Metric.Kind.PROPORTION ? metric : Metric.CONVERSION;
        double floor = Math.min(bandit.floor(), 1.0 / variants.size());
        List<dev.herald.experiments.stats.Allocation> allocations = ThompsonAllocation.allocate(
                StatisticsCounts.of(variants, true), learned,
                floor, DRAWS, Fnv1a.hash64(experiment.seed() + "/bandit/" + exposed));
        List<Double> weights = new ArrayList<>();
        for (Variant variant : experiment.variants()) {
            weights.add(allocations.stream().filter(a -> a.variant().equals(variant.name())).findFirst()
                    .map(dev.herald.experiments.stats.Allocation::weight).orElse(floor));
        }
        return weights;
    }
}
