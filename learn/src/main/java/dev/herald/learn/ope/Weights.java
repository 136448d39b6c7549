package dev.herald.learn.ope;

import java.util.List;
import org.hipparchus.distribution.continuous.NormalDistribution;

/** The importance weights of a candidate over logs, their diagnostics, and the normal interval all estimators use. */
final class Weights {

    private static final NormalDistribution STANDARD_NORMAL = new NormalDistribution();

    private Weights() {}

    /** w_i = pi_e(a_i | x_i) / pi_b(a_i | x_i), checking the candidate's probabilities. */
    static double[] of(LoggedBandit logs, Policy candidate) {
        List<LoggedRound> rounds = logs.rounds();
        double[] weights = new double[rounds.size()];
        for (int i = 0; i < weights.length; i++) {
            LoggedRound round = rounds.get(i);
            weights[i] = checkedProbability(candidate, round.context(), round.action()) / round.loggingPropensity();
        }
        return weights;
    }

    static double checkedProbability(Policy candidate, String context, int action) {
        double p = candidate.probability(context, action);
        if (Double.isNaN(p) || p < 0 || p > 1) {
            throw new IllegalArgumentException("the candidate policy gave probability " + p + " to action " + action
                    + " in context '" + context + "'; a probability must be in [0, 1]");
        }
        return p;
    }

    static void checkAlpha(double alpha) {
        if (!(alpha > 0 && alpha < 1)) {
            throw new IllegalArgumentException("alpha must be in (0, 1) (0.05 gives a 95% interval), got " + alpha);
        }
    }

    static double mean(double[] values) {
        double sum = 0;
        for (double value : values) {
            sum += value;
        }
        return sum / values.length;
    }

    /** The unbiased sample variance (n - 1 in the denominator); needs at least two values. */
    static double variance(double[] values) {
        double mean = mean(values);
        double sum = 0;
        for (double value : values) {
            sum += (value - mean) * (value - mean);
        }
        return sum / (values.length - 1);
    }

    /** Builds the estimate with a normal (1 - alpha) interval around {@code value}. */
    static Estimate estimate(String name, double value, double standardError, double alpha, double[] weights) {
        double z = STANDARD_NORMAL.inverseCumulativeProbability(1 - alpha / 2);
        double sum = 0;
        double sumOfSquares = 0;
        double max = 0;
        for (double weight : weights) {
            sum += weight;
            sumOfSquares += weight * weight;
            max = Math.max(max, weight);
        }
        double effectiveSampleSize = sumOfSquares == 0 ? 0 : sum * sum / sumOfSquares;
        return new Estimate(name, value, standardError, value - z * standardError, value + z * standardError,
                1 - alpha, weights.length, effectiveSampleSize, max);
    }
}
