package dev.herald.server.experiment;

import dev.herald.core.experiment.Experiment;
import dev.herald.core.experiment.Guardrail;
import dev.herald.core.experiment.VariantCounts;
import dev.herald.experiments.stats.Metric;
import dev.herald.experiments.stats.Role;
import java.util.List;

/** Turns the store's counts of an experiment's arms into the statistics module's inputs. */
final class StatisticsCounts {

    private StatisticsCounts() {}

    /**
     * The arms as the statistics see them: every count is of distinct users among the exposed, so messages sent
     * become the users they were sent to (a trigger scoped to products may send one user several).
     *
     * @param observedShares use each arm's observed share of exposures as its planned share (a bandit, whose split
     *     moves on purpose, has no fixed plan to check the sample ratio against)
     */
    static List<dev.herald.experiments.stats.VariantCounts> of(List<VariantCounts> arms, boolean observedShares) {
        long exposed = arms.stream().mapToLong(VariantCounts::exposed).sum();
        return arms.stream().map(arm -> {
            long recipients = Math.min(arm.recipients(), arm.exposed());
            return dev.herald.experiments.stats.VariantCounts.builder(arm.variant(), role(arm.role()))
                    .plannedWeight(
                            observedShares && exposed > 0 ? (double) arm.exposed() / exposed : arm.plannedShare())
                    .exposed(arm.exposed()).sent(recipients).delivered(Math.min(arm.delivered(), recipients))
                    .opened(Math.min(arm.opened(), arm.exposed())).clicked(Math.min(arm.clicked(), arm.exposed()))
                    .converted(arm.converted()).revenue(arm.revenue(), arm.revenueSquares())
                    .unsubscribed(Math.min(arm.unsubscribed(), arm.exposed())).build();
        }).toList();
    }

    static Role role(dev.herald.core.experiment.Role role) {
        return switch (role) {
            case CONTROL -> Role.CONTROL;
            case TREATMENT -> Role.TREATMENT;
            case HOLDOUT -> Role.HOLDOUT;
        };
    }

    static Metric metric(dev.herald.core.experiment.Metric metric) {
        return switch (metric) {
            case CONVERSION -> Metric.CONVERSION;
            case REVENUE_PER_RECIPIENT -> Metric.REVENUE_PER_RECIPIENT;
            case CLICK -> Metric.CLICK;
        };
    }

    static Metric guardrail(Guardrail guardrail) {
        return switch (guardrail) {
            case UNSUBSCRIBE -> Metric.UNSUBSCRIBE;
        };
    }

    /** The experiment's guardrails as metrics, without the primary one. */
    static List<Metric> guardrails(Experiment experiment) {
        Metric primary = metric(experiment.metric());
        return experiment.guardrails().stream().map(StatisticsCounts::guardrail).filter(g -> g != primary).distinct()
                .toList();
    }
}
