package dev.herald.learn.ope;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Seeded simulation: over many logged datasets of a bandit of known value, the estimates average to the truth and the
 * 95% intervals cover it in about 95% of runs.
 */
class UnbiasednessTest {

    private static final int DATASETS = 400;
    private static final int ROUNDS = 1_000;
    private static final double ALPHA = 0.05;

    @Test
    void shouldAverageToTheTrueValueAndCoverItAboutOneMinusAlphaOfTheTime() {
        double truth = SyntheticBandit.trueValue();
        List<OffPolicyEstimator> estimators = List.of(new InversePropensityScoring(), new SelfNormalizedIps(),
                DoublyRobust.crossFitted(ShrunkMeanRewardModel.fitter(5)));

        for (OffPolicyEstimator estimator : estimators) {
            double[] values = new double[DATASETS];
            int covered = 0;
            for (int run = 0; run < DATASETS; run++) {
                Estimate estimate = estimator.estimate(SyntheticBandit.logs(1_000L + run, ROUNDS),
                        SyntheticBandit.CANDIDATE_POLICY, ALPHA);
                values[run] = estimate.value();
                covered += estimate.covers(truth) ? 1 : 0;
            }

            double mean = Weights.mean(values);
            double standardErrorOfMean = Math.sqrt(Weights.variance(values) / DATASETS);
            double coverage = (double) covered / DATASETS;
            assertThat(Math.abs(mean - truth)).as("%s: mean %.5f of %d estimates vs truth %.5f", estimator.name(),
                    mean, DATASETS, truth).isLessThan(4 * standardErrorOfMean);
            // Binomial standard deviation of the coverage over 400 runs is about 0.011: allow about 3 of them.
            assertThat(coverage).as("%s: coverage of the %.0f%% intervals", estimator.name(), 100 * (1 - ALPHA))
                    .isBetween(0.915, 0.985);
        }
    }

    @Test
    void shouldStayUnbiasedWithDoublyRobustWhenTheRewardModelIsWrongButPropensitiesRight() {
        double truth = SyntheticBandit.trueValue();
        DoublyRobust wrongModel = DoublyRobust.withModel((context, action) -> 0.8);

        double mean = meanOf(wrongModel, SyntheticBandit.LOGGING);
        double spread = spreadOfMean(wrongModel, SyntheticBandit.LOGGING);

        assertThat(Math.abs(mean - truth)).isLessThan(4 * spread);
    }

    @Test
    void shouldStayUnbiasedWithDoublyRobustWhenPropensitiesAreWrongButTheRewardModelRight() {
        double truth = SyntheticBandit.trueValue();
        double[][] claimedUniform = new double[4][3];
        for (double[] row : claimedUniform) {
            java.util.Arrays.fill(row, 1.0 / 3);
        }
        DoublyRobust rightModel = DoublyRobust.withModel(SyntheticBandit.TRUE_MODEL);

        double doublyRobust = meanOf(rightModel, claimedUniform);
        double spread = spreadOfMean(rightModel, claimedUniform);
        double inversePropensity = meanOf(new InversePropensityScoring(), claimedUniform);

        assertThat(Math.abs(doublyRobust - truth)).isLessThan(4 * spread);
        // The wrong propensities do bias IPS, so the test above could have failed.
        assertThat(Math.abs(inversePropensity - truth)).isGreaterThan(0.02);
    }

    private static double meanOf(OffPolicyEstimator estimator, double[][] recorded) {
        return Weights.mean(values(estimator, recorded));
    }

    private static double spreadOfMean(OffPolicyEstimator estimator, double[][] recorded) {
        double[] values = values(estimator, recorded);
        return Math.sqrt(Weights.variance(values) / values.length);
    }

    private static double[] values(OffPolicyEstimator estimator, double[][] recorded) {
        double[] values = new double[200];
        for (int run = 0; run < values.length; run++) {
            values[run] = estimator.estimate(SyntheticBandit.logs(7_000L + run, ROUNDS, recorded),
                    SyntheticBandit.CANDIDATE_POLICY, ALPHA).value();
        }
        return values;
    }
}
