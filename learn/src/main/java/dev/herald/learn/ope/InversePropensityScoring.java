package dev.herald.learn.ope;

import java.util.List;

/**
 * Inverse propensity scoring: V = (1/n) sum w_i r_i with w_i = pi_e(a_i|x_i) / pi_b(a_i|x_i).
 *
 * <p>
 * Unbiased when the logged propensities are right and the logging policy gives every action the candidate may take a
 * positive probability. Its variance grows with the weights. The interval is normal, on the per-round terms
 * w_i r_i.
 */
public final class InversePropensityScoring implements OffPolicyEstimator {

    @Override
    public String name() {
        return "IPS";
    }

    @Override
    public Estimate estimate(LoggedBandit logs, Policy candidate, double alpha) {
        Weights.checkAlpha(alpha);
        double[] weights = Weights.of(logs, candidate);
        List<LoggedRound> rounds = logs.rounds();
        double[] terms = new double[weights.length];
        for (int i = 0; i < terms.length; i++) {
            terms[i] = weights[i] * rounds.get(i).reward();
        }
        double standardError = Math.sqrt(Weights.variance(terms) / terms.length);
        return Weights.estimate(name(), Weights.mean(terms), standardError, alpha, weights);
    }
}
