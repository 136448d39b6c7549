package dev.herald.learn.ope;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A policy estimated from its own logs: pi(a | x) = n(x, a) / n(x), the share of the rounds in context x where it
 * chose a. This is the policy's action distribution averaged over the logging period, which is what an estimate of
 * its average reward over that period needs, even if the policy changed during it (a bandit that learns). In a
 * context never logged every action gets probability 0. Immutable and thread-safe.
 */
public final class EmpiricalPolicy implements Policy {

    private final Map<String, double[]> distributions;

    private EmpiricalPolicy(Map<String, double[]> distributions) {
        this.distributions = distributions;
    }

    /**
     * @param rounds
     *            the policy's own logged rounds (their rewards and propensities are not used), at least one
     * @param actionCount
     *            the number of actions
     */
    public static EmpiricalPolicy fromRounds(List<LoggedRound> rounds, int actionCount) {
        if (rounds.isEmpty()) {
            throw new IllegalArgumentException("an empirical policy needs at least one logged round");
        }
        Map<String, int[]> counts = new HashMap<>();
        for (LoggedRound round : rounds) {
            if (round.action() >= actionCount) {
                throw new IllegalArgumentException("action " + round.action() + " is out of range; actions are 0.."
                        + (actionCount - 1));
            }
            counts.computeIfAbsent(round.context(), c -> new int[actionCount])[round.action()]++;
        }
        Map<String, double[]> distributions = new HashMap<>();
        counts.forEach((context, perAction) -> {
            double total = 0;
            for (int count : perAction) {
                total += count;
            }
            double[] distribution = new double[actionCount];
            for (int a = 0; a < actionCount; a++) {
                distribution[a] = perAction[a] / total;
            }
            distributions.put(context, distribution);
        });
        return new EmpiricalPolicy(distributions);
    }

    @Override
    public double probability(String context, int action) {
        double[] distribution = distributions.get(context);
        return distribution == null || action < 0 || action >= distribution.length ? 0 : distribution[action];
    }
}
