package dev.herald.experiments.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class SequentialTestTest {

    @Test
    void shouldMatchThePapersFormulaForTwoEqualArms() {
        // Johari, Koomen, Pekelis, Walsh (2022), two-stream normal case with n users per arm and variance sigma^2:
        // Lambda = sqrt(2 sigma^2 / (2 sigma^2 + n tau^2)) exp(n^2 tau^2 d^2 / (4 sigma^2 (2 sigma^2 + n tau^2))).
        // Python with sigma^2 = 0.05 * 0.95, n = 2000, tau^2 = 1e-4, d = 0.012: 1 / Lambda = 0.630586684250331 and
        // the 95% interval -0.01034199400271938 .. 0.03434199400271938.
        double sigma2 = 0.05 * 0.95;
        int n = 2000;

        AlwaysValidEstimate look = SequentialTest.look(0.012, 2 * sigma2 / n, 1e-4, 0.05);

        assertThat(look.pValue()).isCloseTo(0.630586684250331, within(1e-12));
        assertThat(look.ciLow()).isCloseTo(-0.01034199400271938, within(1e-12));
        assertThat(look.ciHigh()).isCloseTo(0.03434199400271938, within(1e-12));
        assertThat(look.looks()).isEqualTo(1);
    }

    @Test
    void shouldPutTheIntervalsEndsWhereTheTestRejectsAtExactlyAlpha() {
        AlwaysValidEstimate look = SequentialTest.look(0.012, 4.75e-5, 2e-5, 0.05);

        // Testing theta0 = ciHigh is testing 0 on the shifted difference.
        double atHigh = SequentialTest.look(0.012 - look.ciHigh(), 4.75e-5, 2e-5, 0.05).pValue();
        double atLow = SequentialTest.look(0.012 - look.ciLow(), 4.75e-5, 2e-5, 0.05).pValue();

        assertThat(atHigh).isCloseTo(0.05, within(1e-12));
        assertThat(atLow).isCloseTo(0.05, within(1e-12));
    }

    @Test
    void shouldBeMoreConservativeThanTheFixedHorizonTest() {
        FixedHorizonTest fixed = TwoProportionZTest.compare(200, 4000, 248, 4000, 0.05);

        AlwaysValidEstimate sequential = SequentialTest.proportions(200, 4000, 248, 4000, MixingVariance.DEFAULT,
                0.05);

        assertThat(fixed.pValue()).isLessThan(0.05);
        assertThat(sequential.pValue()).isGreaterThan(fixed.pValue());
        assertThat(sequential.ciLow()).isLessThan(fixed.ciLow());
        assertThat(sequential.ciHigh()).isGreaterThan(fixed.ciHigh());
    }

    @Test
    void shouldTuneTheDefaultMixingToTenThousandUsersPerArm() {
        // u = 2 ln(1/alpha) + ln(1 + u) at alpha 0.05 is 8.211968062068253 (Python, fixed-point iteration), so the
        // effect-size sd is sqrt(2 u / 10000) = 0.04052645570998839.
        MixingVariance.Standardized mixing = MixingVariance.narrowestAt(10_000, 0.05);

        assertThat(mixing.effectSizeSd()).isCloseTo(0.04052645570998839, within(1e-12));
        assertThat(MixingVariance.DEFAULT).isEqualTo(mixing);
    }

    @Test
    void shouldGiveTheNarrowestIntervalAtThePlannedSampleSize() {
        double sigma2 = 0.25;
        int n = 10_000;
        double s2 = 2 * sigma2 / n;
        double planned = width(SequentialTest.look(0, s2, MixingVariance.narrowestAt(n, 0.05).tauSquaredFor(sigma2),
                0.05));

        double tunedSmaller = width(SequentialTest.look(0, s2,
                MixingVariance.narrowestAt(n / 4, 0.05).tauSquaredFor(sigma2), 0.05));
        double tunedLarger = width(SequentialTest.look(0, s2,
                MixingVariance.narrowestAt(n * 4, 0.05).tauSquaredFor(sigma2), 0.05));

        assertThat(planned).isLessThan(tunedSmaller).isLessThan(tunedLarger);
    }

    @Test
    void shouldFallBackToThePooledVarianceWhenEachArmIsConstant() {
        AlwaysValidEstimate look = SequentialTest.proportions(0, 3, 3, 3, MixingVariance.DEFAULT, 0.05);

        assertThat(look.pValue()).isGreaterThan(0).isLessThanOrEqualTo(1);
        assertThat(look.ciHigh()).isGreaterThan(look.ciLow());
    }

    @Test
    void shouldReportNoEvidenceWhenEveryUserIsAlike() {
        AlwaysValidEstimate look = SequentialTest.proportions(0, 30, 0, 40, MixingVariance.DEFAULT, 0.05);

        assertThat(look.pValue()).isEqualTo(1);
    }

    @Test
    void shouldKeepTheRunningMinimumAndTheIntersectionAcrossLooks() {
        SequentialMonitor monitor = new SequentialMonitor(Metric.CONVERSION, MixingVariance.DEFAULT, 0.05);
        long[][] snapshots = {{1000, 50, 1000, 75}, {2000, 100, 2000, 140}, {3000, 150, 3000, 170}};
        double previousP = 1;
        double previousLow = Double.NEGATIVE_INFINITY;
        double previousHigh = Double.POSITIVE_INFINITY;

        for (long[] snapshot : snapshots) {
            AlwaysValidEstimate running = monitor.observe(counts("control", Role.CONTROL, snapshot[0], snapshot[1]),
                    counts("b", Role.TREATMENT, snapshot[2], snapshot[3])).orElseThrow();
            AlwaysValidEstimate single = SequentialTest.proportions(snapshot[1], snapshot[0], snapshot[3],
                    snapshot[2], MixingVariance.DEFAULT, 0.05);

            assertThat(running.pValue()).isLessThanOrEqualTo(previousP).isLessThanOrEqualTo(single.pValue());
            assertThat(running.ciLow()).isGreaterThanOrEqualTo(previousLow).isGreaterThanOrEqualTo(single.ciLow());
            assertThat(running.ciHigh()).isLessThanOrEqualTo(previousHigh).isLessThanOrEqualTo(single.ciHigh());
            previousP = running.pValue();
            previousLow = running.ciLow();
            previousHigh = running.ciHigh();
        }
        assertThat(monitor.current().orElseThrow().looks()).isEqualTo(3);
        // The last look alone is weaker than the history: the early strong signal is remembered.
        assertThat(previousP).isLessThan(
                SequentialTest.proportions(150, 3000, 170, 3000, MixingVariance.DEFAULT, 0.05).pValue());
    }

    @Test
    void shouldResumeFromASavedState() {
        SequentialMonitor first = new SequentialMonitor(Metric.CONVERSION, MixingVariance.DEFAULT, 0.05);
        first.observe(counts("control", Role.CONTROL, 1000, 50), counts("b", Role.TREATMENT, 1000, 75));

        SequentialMonitor resumed = SequentialMonitor.resume(Metric.CONVERSION, MixingVariance.DEFAULT, 0.05,
                first.current().orElseThrow());
        AlwaysValidEstimate next = resumed
                .observe(counts("control", Role.CONTROL, 2000, 100), counts("b", Role.TREATMENT, 2000, 140))
                .orElseThrow();

        assertThat(next.looks()).isEqualTo(2);
        assertThat(next.pValue()).isLessThanOrEqualTo(first.current().orElseThrow().pValue());
    }

    @Test
    void shouldIgnoreLooksWithoutUsers() {
        SequentialMonitor monitor = new SequentialMonitor(Metric.CONVERSION, MixingVariance.DEFAULT, 0.05);

        assertThat(monitor.observe(counts("control", Role.CONTROL, 0, 0), counts("b", Role.TREATMENT, 5, 1)))
                .isEmpty();
    }

    @Test
    void shouldRefuseCountsThatGoDown() {
        SequentialMonitor monitor = new SequentialMonitor(Metric.CONVERSION, MixingVariance.DEFAULT, 0.05);
        monitor.observe(counts("control", Role.CONTROL, 1000, 50), counts("b", Role.TREATMENT, 1000, 75));

        assertThatThrownBy(() -> monitor.observe(counts("control", Role.CONTROL, 900, 50),
                counts("b", Role.TREATMENT, 1100, 80))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("went down").hasMessageContaining("exposed 1000 -> 900");
    }

    private static double width(AlwaysValidEstimate estimate) {
        return estimate.ciHigh() - estimate.ciLow();
    }

    static VariantCounts counts(String name, Role role, long exposed, long converted) {
        return VariantCounts.builder(name, role).plannedWeight(0.5).exposed(exposed).converted(converted).build();
    }
}
