package dev.herald.learn.ope;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The mean reward per (context, action), shrunk toward the action's mean, itself shrunk toward the overall mean:
 *
 * <pre>
 * m      = mean of all rewards
 * m(a)   = (S(a) + k m) / (n(a) + k)
 * q(x,a) = (S(x,a) + k m(a)) / (n(x,a) + k)
 * </pre>
 *
 * where S and n are the sums and counts of the training rewards and k ({@code priorStrength}) is the number of
 * pseudo-rounds the prior is worth. A context or action never seen falls back to m(a) or m. It ignores the
 * propensities (a plain regression on the logged rounds), which is fine for the doubly robust estimator: its
 * correction term removes the model's bias when the propensities are right. Immutable and thread-safe.
 */
public final class ShrunkMeanRewardModel implements RewardModel {

    private final double overallMean;
    private final double[] actionMeans;
    private final Map<String, double[]> cellMeans;

    private ShrunkMeanRewardModel(double overallMean, double[] actionMeans, Map<String, double[]> cellMeans) {
        this.overallMean = overallMean;
        this.actionMeans = actionMeans;
        this.cellMeans = cellMeans;
    }

    /**
     * A fitter for {@link DoublyRobust#crossFitted(RewardModelFitter)}.
     *
     * @param priorStrength
     *            k, the pseudo-rounds of shrinkage, finite and >= 0 (0 means raw means)
     */
    public static RewardModelFitter fitter(double priorStrength) {
        if (!(priorStrength >= 0) || Double.isInfinite(priorStrength)) {
            throw new IllegalArgumentException("priorStrength must be a finite number >= 0, got " + priorStrength);
        }
        return (rounds, actionCount) -> fit(rounds, actionCount, priorStrength);
    }

    /**
     * Fits the model.
     *
     * @throws IllegalArgumentException
     *             if there are no rounds or an action is out of range
     */
    public static ShrunkMeanRewardModel fit(List<LoggedRound> rounds, int actionCount, double priorStrength) {
        if (rounds.isEmpty()) {
            throw new IllegalArgumentException("a reward model needs at least one logged round to fit on");
        }
        double total = 0;
        double[] actionSums = new double[actionCount];
        int[] actionCounts = new int[actionCount];
        Map<String, double[]> cellSums = new HashMap<>();
        Map<String, int[]> cellCounts = new HashMap<>();
        for (LoggedRound round : rounds) {
            int action = round.action();
            if (action >= actionCount) {
                throw new IllegalArgumentException("action " + action + " is out of range; actions are 0.."
                        + (actionCount - 1));
            }
            total += round.reward();
            actionSums[action] += round.reward();
            actionCounts[action]++;
            cellSums.computeIfAbsent(round.context(), c -> new double[actionCount])[action] += round.reward();
            cellCounts.computeIfAbsent(round.context(), c -> new int[actionCount])[action]++;
        }
        double overallMean = total / rounds.size();
        double[] actionMeans = new double[actionCount];
        for (int a = 0; a < actionCount; a++) {
            actionMeans[a] = shrunk(actionSums[a], actionCounts[a], overallMean, priorStrength);
        }
        Map<String, double[]> cellMeans = new HashMap<>();
        cellSums.forEach((context, sums) -> {
            int[] counts = cellCounts.get(context);
            double[] means = new double[actionCount];
            for (int a = 0; a < actionCount; a++) {
                means[a] = shrunk(sums[a], counts[a], actionMeans[a], priorStrength);
            }
            cellMeans.put(context, means);
        });
        return new ShrunkMeanRewardModel(overallMean, actionMeans, cellMeans);
    }

    private static double shrunk(double sum, int count, double prior, double priorStrength) {
        return count + priorStrength == 0 ? prior : (sum + priorStrength * prior) / (count + priorStrength);
    }

    @Override
    public double predict(String context, int action) {
        if (action < 0 || action >= actionMeans.length) {
            return overallMean;
        }
        double[] means = cellMeans.get(context);
        return means == null ? actionMeans[action] : means[action];
    }
}
