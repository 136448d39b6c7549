package dev.herald.learn.ope;

import java.util.List;

/**
 * Self-normalised inverse propensity scoring: V = sum w_i r_i / sum w_i.
 *
 * <p>
 * Dividing by the sum of the weights instead of n makes the estimate invariant to a common scale of the weights, keeps
 * it within the range of the rewards, and usually lowers the variance; the price is a bias of order 1/n. The standard
 * error comes from the delta method: Var(V) ~ (1/n) Var(w_i (r_i - V)) / mean(w)^2, with a normal interval.
 */
public final class SelfNormalizedIps implements OffPolicyEstimator {

    @Override
    public String name() {
        return "SNIPS";
    }

    @Override
    public Estimate estimate(LoggedBandit logs, Policy candidate, double alpha) {
        Weights.checkAlpha(alpha);
        double[] weights = Weights.of(logs, candidate);
        List<LoggedRound> rounds = logs.rounds();
        double weighted = 0;
        double total = 0;
        for (int i = 0; i < weights.length; i++) {
            weighted += weights[i] * rounds.get(i).reward();
            total += weights[i];
        }
        if (total == 0) {
            throw new IllegalArgumentException("the candidate policy gives probability 0 to every logged action, so"
                    + " the logs say nothing about it; log under a policy that explores the candidate's actions");
        }
        double value = weighted / total;
        double[] residuals = new double[weights.length];
        for (int i = 0; i < residuals.length; i++) {
            residuals[i] = weights[i] * (rounds.get(i).reward() - value);
        }
        double meanWeight = total / weights.length;
        double standardError = Math.sqrt(Weights.variance(residuals) / residuals.length) / meanWeight;
        return Weights.estimate(name(), value, standardError, alpha, weights);
    }
}
