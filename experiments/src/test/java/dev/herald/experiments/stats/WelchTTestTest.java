package dev.herald.experiments.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class WelchTTestTest {

    @Test
    void shouldMatchROutputOfAWelchTwoSampleTest() {
        // R's t.test(ts1, ts2) (Welch is R's default), as printed in a Cross Validated answer on Welch intervals:
        // ts1 = c(11,9,10,11,10,12,9,11,12,9), ts2 = c(11,13,10,13,12,9,11,12,12,11)
        // t = -1.8325, df = 17.9, p-value = 0.08356, 95 percent CI -2.1469104 0.1469104 (for ts1 - ts2).
        // Here the difference is ts2 - ts1, so t and the interval change sign. Python (our own incomplete beta)
        // gives t=1.8325416653445783, df=17.90031014621179, p=0.0835597916192235.
        SampleMoments ts1 = moments(11, 9, 10, 11, 10, 12, 9, 11, 12, 9);
        SampleMoments ts2 = moments(11, 13, 10, 13, 12, 9, 11, 12, 12, 11);

        FixedHorizonTest result = WelchTTest.compare(ts1, ts2, 0.05);

        assertThat(result.difference()).isCloseTo(1.0, within(1e-12));
        assertThat(result.statistic()).isCloseTo(1.8325416653445783, within(1e-9));
        assertThat(result.degreesOfFreedom()).isCloseTo(17.90031014621179, within(1e-9));
        assertThat(result.pValue()).isCloseTo(0.08356, within(5e-6));
        assertThat(result.pValue()).isCloseTo(0.0835597916192235, within(1e-9));
        assertThat(result.ciLow()).isCloseTo(-0.1469104, within(1e-6));
        assertThat(result.ciHigh()).isCloseTo(2.1469104, within(1e-6));
    }

    @Test
    void shouldMatchPythonReferenceForUnequalSizesAndVariances() {
        // Python reference (stdlib: statistics.variance, a continued-fraction incomplete beta for the t
        // distribution, bisection for its quantile), samples of 10 and 20 with very different spreads:
        // diff=2.219999999999999 t=2.225512039969852 df=24.524634944257343 p=0.03548453083001032
        // CI 0.16354134987944313 .. 4.276458650120555
        SampleMoments a = moments(19.8, 20.4, 19.6, 17.8, 18.5, 18.9, 18.3, 18.9, 19.5, 22.0);
        SampleMoments b = moments(28.2, 26.6, 20.1, 23.3, 25.2, 22.1, 17.7, 27.6, 20.6, 13.7, 23.2, 17.5, 20.6, 18.0,
                23.9, 21.6, 24.3, 20.4, 23.9, 13.3);

        FixedHorizonTest result = WelchTTest.compare(a, b, 0.05);

        assertThat(result.difference()).isCloseTo(2.22, within(1e-9));
        assertThat(result.statistic()).isCloseTo(2.225512039969852, within(1e-8));
        assertThat(result.degreesOfFreedom()).isCloseTo(24.524634944257343, within(1e-8));
        assertThat(result.pValue()).isCloseTo(0.03548453083001032, within(1e-8));
        assertThat(result.ciLow()).isCloseTo(0.16354134987944313, within(1e-7));
        assertThat(result.ciHigh()).isCloseTo(4.276458650120555, within(1e-7));
    }

    @Test
    void shouldWorkFromRevenueSumsWhereMostUsersSpendNothing() {
        // 1,000 users per arm; 50 buyers at 20.0 against 60 buyers at 20.0: the same as a rate test on 0/20 values.
        SampleMoments baseline = new SampleMoments(1000, 50 * 20.0, 50 * 400.0);
        SampleMoments variant = new SampleMoments(1000, 60 * 20.0, 60 * 400.0);

        FixedHorizonTest result = WelchTTest.compare(baseline, variant, 0.05);

        assertThat(result.baselineValue()).isCloseTo(1.0, within(1e-12));
        assertThat(result.variantValue()).isCloseTo(1.2, within(1e-12));
        assertThat(result.relativeLift()).isCloseTo(0.2, within(1e-12));
        assertThat(result.pValue()).isBetween(0.3, 0.4);
    }

    @Test
    void shouldRefuseSamplesWithoutVariance() {
        SampleMoments zeros = new SampleMoments(10, 0, 0);

        assertThatThrownBy(() -> WelchTTest.compare(zeros, zeros, 0.05)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("needs some variance");
    }

    @Test
    void shouldRefuseAnArmOfOneUser() {
        assertThatThrownBy(() -> WelchTTest.compare(new SampleMoments(1, 3, 9), moments(1, 2, 3), 0.05))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 2 users, got 1");
    }

    static SampleMoments moments(double... values) {
        double sum = 0;
        double squares = 0;
        for (double value : values) {
            sum += value;
            squares += value * value;
        }
        return new SampleMoments(values.length, sum, squares);
    }
}
