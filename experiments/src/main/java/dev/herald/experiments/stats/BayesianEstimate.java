package dev.herald.experiments.stats;

/**
 * The Bayesian reading of a comparison: how likely the variant is better than the baseline, and what choosing each
 * costs if it is the wrong choice. "Better" follows the metric's direction (for unsubscribes, lower). Immutable.
 *
 * @param method
 *            how it was computed, in words
 * @param chanceToBeat
 *            the posterior probability that the variant is better than the baseline
 * @param expectedLossChoosingVariant
 *            the expected amount (in the metric's units) given up by choosing the variant: {@code E[max(b - v, 0)]}
 *            when higher is better
 * @param expectedLossChoosingBaseline
 *            the same for keeping the baseline: {@code E[max(v - b, 0)]} when higher is better
 */
public record BayesianEstimate(String method, double chanceToBeat, double expectedLossChoosingVariant,
        double expectedLossChoosingBaseline) {

    /** The same estimate for a metric where lower is better: the chance and the losses change sides. */
    public BayesianEstimate lowerIsBetter() {
        return new BayesianEstimate(method, 1 - chanceToBeat, expectedLossChoosingBaseline,
                expectedLossChoosingVariant);
    }
}
