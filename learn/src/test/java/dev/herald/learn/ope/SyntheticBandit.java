package dev.herald.learn.ope;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A simulated bandit of known value: four contexts, three actions, Bernoulli rewards with known means, a logging
 * policy that explores every action, and a candidate that prefers other actions than the logging policy does.
 */
final class SyntheticBandit {

    static final int ACTIONS = 3;
    static final double[] CONTEXT_PROBABILITIES = {0.4, 0.3, 0.2, 0.1};
    static final double[][] MEAN_REWARD = {{0.10, 0.30, 0.50}, {0.60, 0.20, 0.10}, {0.25, 0.25, 0.70},
            {0.05, 0.90, 0.40}};
    static final double[][] LOGGING = {{0.6, 0.3, 0.1}, {0.2, 0.5, 0.3}, {0.5, 0.4, 0.1}, {0.34, 0.33, 0.33}};
    static final double[][] CANDIDATE = {{0.1, 0.2, 0.7}, {0.8, 0.1, 0.1}, {0.0, 0.3, 0.7}, {0.2, 0.6, 0.2}};

    static final Policy CANDIDATE_POLICY = (context, action) -> CANDIDATE[index(context)][action];
    static final RewardModel TRUE_MODEL = (context, action) -> MEAN_REWARD[index(context)][action];

    private SyntheticBandit() {}

    /** The candidate's true mean reward per round. */
    static double trueValue() {
        double value = 0;
        for (int x = 0; x < CONTEXT_PROBABILITIES.length; x++) {
            for (int a = 0; a < ACTIONS; a++) {
                value += CONTEXT_PROBABILITIES[x] * CANDIDATE[x][a] * MEAN_REWARD[x][a];
            }
        }
        return value;
    }

    /** Logs {@code n} rounds under the logging policy, recording {@code recorded[x][a]} as the propensity. */
    static LoggedBandit logs(long seed, int n, double[][] recorded) {
        SplittableRandom random = new SplittableRandom(seed);
        List<LoggedRound> rounds = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int x = draw(random, CONTEXT_PROBABILITIES);
            int a = draw(random, LOGGING[x]);
            double reward = random.nextDouble() < MEAN_REWARD[x][a] ? 1 : 0;
            rounds.add(new LoggedRound("c" + x, a, reward, recorded[x][a]));
        }
        return new LoggedBandit(ACTIONS, rounds);
    }

    static LoggedBandit logs(long seed, int n) {
        return logs(seed, n, LOGGING);
    }

    static int index(String context) {
        return context.charAt(1) - '0';
    }

    private static int draw(SplittableRandom random, double[] probabilities) {
        double u = random.nextDouble();
        double cumulative = 0;
        for (int i = 0; i < probabilities.length - 1; i++) {
            cumulative += probabilities[i];
            if (u < cumulative) {
                return i;
            }
        }
        return probabilities.length - 1;
    }
}
