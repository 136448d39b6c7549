package dev.herald.learn.ope;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The doubly robust estimator (Dudik, Langford and Li, 2011):
 *
 * <pre>
 * V = (1/n) sum_i [ sum_a pi_e(a|x_i) q(x_i, a)  +  w_i (r_i - q(x_i, a_i)) ]
 * </pre>
 *
 * The first term is the reward model's prediction for the candidate (the direct method); the second corrects it with
 * the importance-weighted residual of the logged action. It is unbiased when either the propensities or the reward
 * model q are right, and its variance is lower than IPS's when q is close to the truth. The interval is normal, on
 * the per-round terms.
 *
 * <p>
 * With {@link #crossFitted(RewardModelFitter)}, the rounds are split in two folds by the parity of their index (even,
 * odd); the model fitted on one fold predicts the other, so no round's residual is computed by a model that saw it
 * (a model fitted on the same rounds would absorb their noise and bias the correction toward zero). Parity keeps the
 * folds deterministic and, for time-ordered logs, spread over the whole period.
 */
public final class DoublyRobust implements OffPolicyEstimator {

    private static final double SUM_TOLERANCE = 1e-6;

    private final RewardModel fixedModel;
    private final RewardModelFitter fitter;

    private DoublyRobust(RewardModel fixedModel, RewardModelFitter fitter) {
        this.fixedModel = fixedModel;
        this.fitter = fitter;
    }

    /** DR with a reward model fitted elsewhere (for instance on other logs). */
    public static DoublyRobust withModel(RewardModel model) {
        return new DoublyRobust(Objects.requireNonNull(model, "model"), null);
    }

    /** DR with a reward model fitted on the logs themselves, in two cross-fitting folds. */
    public static DoublyRobust crossFitted(RewardModelFitter fitter) {
        return new DoublyRobust(null, Objects.requireNonNull(fitter, "fitter"));
    }

    @Override
    public String name() {
        return "DR";
    }

    @Override
    public Estimate estimate(LoggedBandit logs, Policy candidate, double alpha) {
        Weights.checkAlpha(alpha);
        double[] weights = Weights.of(logs, candidate);
        List<LoggedRound> rounds = logs.rounds();
        RewardModel[] modelOfFold = new RewardModel[2];
        if (fixedModel != null) {
            modelOfFold[0] = fixedModel;
            modelOfFold[1] = fixedModel;
        } else {
            List<List<LoggedRound>> folds = List.of(new ArrayList<>(), new ArrayList<>());
            for (int i = 0; i < rounds.size(); i++) {
                folds.get(i % 2).add(rounds.get(i));
            }
            // The rounds of fold f are predicted by the model trained on the other fold.
            modelOfFold[0] = fitter.fit(folds.get(1), logs.actionCount());
            modelOfFold[1] = fitter.fit(folds.get(0), logs.actionCount());
        }
        List<Map<String, Double>> directByFold = List.of(new HashMap<>(), new HashMap<>());
        double[] terms = new double[rounds.size()];
        for (int i = 0; i < terms.length; i++) {
            LoggedRound round = rounds.get(i);
            RewardModel model = modelOfFold[i % 2];
            double direct = directByFold.get(i % 2).computeIfAbsent(round.context(),
                    context -> direct(model, candidate, context, logs.actionCount()));
            double predicted = checkedPrediction(model, round.context(), round.action());
            terms[i] = direct + weights[i] * (round.reward() - predicted);
        }
        double standardError = Math.sqrt(Weights.variance(terms) / terms.length);
        return Weights.estimate(name(), Weights.mean(terms), standardError, alpha, weights);
    }

    /** sum_a pi_e(a|x) q(x, a), checking that the candidate's distribution sums to 1. */
    private static double direct(RewardModel model, Policy candidate, String context, int actionCount) {
        double total = 0;
        double value = 0;
        for (int a = 0; a < actionCount; a++) {
            double p = Weights.checkedProbability(candidate, context, a);
            total += p;
            if (p > 0) {
                value += p * checkedPrediction(model, context, a);
            }
        }
        if (Math.abs(total - 1) > SUM_TOLERANCE) {
            throw new IllegalArgumentException("the candidate policy's probabilities in context '" + context
                    + "' sum to " + total + " over the " + actionCount + " actions; they must sum to 1");
        }
        return value;
    }

    private static double checkedPrediction(RewardModel model, String context, int action) {
        double q = model.predict(context, action);
        if (!Double.isFinite(q)) {
            throw new IllegalArgumentException("the reward model predicted " + q + " for action " + action
                    + " in context '" + context + "'; a prediction must be finite");
        }
        return q;
    }
}
