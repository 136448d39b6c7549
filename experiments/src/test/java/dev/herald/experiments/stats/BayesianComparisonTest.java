package dev.herald.experiments.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.hipparchus.special.Beta;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BayesianComparisonTest {

    /**
     * Evan Miller's exact formula ("Formulas for Bayesian A/B Testing", evanmiller.org, 2015) for integer a_B:
     * {@code P(p_B > p_A) = sum_{i=0}^{a_B - 1} B(a_A + i, b_A + b_B) / ((b_B + i) B(1 + i, b_B) B(a_A, b_A))}.
     */
    private static double evanMiller(double aA, double bA, double aB, double bB) {
        double total = 0;
        for (int i = 0; i < aB; i++) {
            total += Math.exp(Beta.logBeta(aA + i, bA + bB) - Math.log(bB + i) - Beta.logBeta(1 + i, bB)
                    - Beta.logBeta(aA, bA));
        }
        return total;
    }

    @ParameterizedTest(name = "{0} of {1} against {2} of {3}")
    @CsvSource({
            // baseline successes, trials, variant successes, trials, P(variant > baseline) from Python (math.lgamma)
            "20, 100, 30, 100, 0.947603103352374",
            "0, 0, 0, 0, 0.5",
            "1, 9, 4, 9, 0.929566563467493",
            "450, 10000, 500, 10000, 0.951700376814056",
            "50, 1000, 40, 1000, 0.141618517750487",
    })
    void shouldMatchEvanMillersClosedFormForTheChanceToBeat(long baselineSuccesses, long baselineTrials,
            long variantSuccesses, long variantTrials, double python) {
        double aA = 1 + baselineSuccesses;
        double bA = 1 + baselineTrials - baselineSuccesses;
        double aB = 1 + variantSuccesses;
        double bB = 1 + variantTrials - variantSuccesses;

        BayesianEstimate estimate = BayesianComparison.proportions(baselineSuccesses, baselineTrials,
                variantSuccesses, variantTrials);

        assertThat(evanMiller(aA, bA, aB, bB)).isCloseTo(python, within(1e-9));
        assertThat(estimate.chanceToBeat()).isCloseTo(evanMiller(aA, bA, aB, bB), within(1e-7));
    }

    @Test
    void shouldStayExactWhenOneArmHasFarMoreUsersThanTheOther() {
        // The integral runs over the narrower posterior; check it against the closed form with a 50x size gap.
        BayesianEstimate estimate = BayesianComparison.proportions(30, 500, 1300, 25000);

        assertThat(estimate.chanceToBeat()).isCloseTo(evanMiller(31, 471, 1301, 23701), within(1e-7));
    }

    @ParameterizedTest(name = "{0} of {1} against {2} of {3}")
    @CsvSource({
            // E[max(baseline - variant, 0)] and E[max(variant - baseline, 0)] from Python, by a 200,000-point grid
            // over the posterior densities (a different method from the one under test)
            "20, 100, 30, 100, 0.001345728224, 0.099387181926",
            "1, 9, 4, 9, 0.006121763477, 0.278851184080",
            "50, 1000, 40, 1000, 0.010658553417, 0.000676721590",
    })
    void shouldMatchAnIndependentIntegrationForTheExpectedLosses(long baselineSuccesses, long baselineTrials,
            long variantSuccesses, long variantTrials, double lossVariant, double lossBaseline) {
        BayesianEstimate estimate = BayesianComparison.proportions(baselineSuccesses, baselineTrials,
                variantSuccesses, variantTrials);

        assertThat(estimate.expectedLossChoosingVariant()).isCloseTo(lossVariant, within(2e-5));
        assertThat(estimate.expectedLossChoosingBaseline()).isCloseTo(lossBaseline, within(2e-5));
    }

    @Test
    void shouldKeepTheLossesApartByTheDifferenceOfThePosteriorMeans() {
        BayesianEstimate estimate = BayesianComparison.proportions(450, 10000, 500, 10000);

        double meanDifference = 501.0 / 10002 - 451.0 / 10002;
        assertThat(estimate.expectedLossChoosingBaseline() - estimate.expectedLossChoosingVariant())
                .isCloseTo(meanDifference, within(1e-12));
    }

    @Test
    void shouldSwapSidesForALowerIsBetterMetric() {
        BayesianEstimate higher = BayesianComparison.proportions(20, 1000, 35, 1000);

        BayesianEstimate lower = higher.lowerIsBetter();

        assertThat(lower.chanceToBeat()).isCloseTo(1 - higher.chanceToBeat(), within(1e-15));
        assertThat(lower.expectedLossChoosingVariant()).isEqualTo(higher.expectedLossChoosingBaseline());
    }

    @Test
    void shouldUseTheNormalApproximationForRevenue() {
        // Difference 0.2 with standard error sqrt(19.02/1000 + 22.58/1000): P = Phi(d / s), computed with Python's
        // statistics.NormalDist: d / s = 0.9805618000390702, Phi = 0.8365955600835253.
        SampleMoments baseline = new SampleMoments(1000, 50 * 20.0, 50 * 400.0);
        SampleMoments variant = new SampleMoments(1000, 60 * 20.0, 60 * 400.0);

        BayesianEstimate estimate = BayesianComparison.means(baseline, variant);

        double s = Math.sqrt(baseline.varianceOfMean() + variant.varianceOfMean());
        assertThat(0.2 / s).isCloseTo(0.9805618000390702, within(1e-9));
        assertThat(estimate.chanceToBeat()).isCloseTo(0.8365955600835253, within(1e-9));
        assertThat(estimate.expectedLossChoosingBaseline() - estimate.expectedLossChoosingVariant())
                .isCloseTo(0.2, within(1e-12));
    }
}
