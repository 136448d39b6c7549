package dev.herald.experiments.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * Reference values were computed independently with Python 3's standard library (statistics.NormalDist): pooled z,
 * two-sided p = 2 * NormalDist().cdf(-|z|), unpooled Wald interval with NormalDist().inv_cdf(0.975). The script
 * implements the textbook formulas directly, without Hipparchus.
 */
class TwoProportionZTestTest {

    @Test
    void shouldMatchPythonReferenceForAOnePointTwoPointLift() {
        // Python: prop(200, 4000, 248, 4000) -> z=2.3340826653355387, p=0.01959139379458752,
        // CI 0.0019268528607085927 .. 0.0220731471392914
        FixedHorizonTest result = TwoProportionZTest.compare(200, 4000, 248, 4000, 0.05);

        assertThat(result.baselineValue()).isEqualTo(0.05);
        assertThat(result.variantValue()).isEqualTo(0.062);
        assertThat(result.difference()).isCloseTo(0.012, within(1e-15));
        assertThat(result.relativeLift()).isCloseTo(0.24, within(1e-12));
        assertThat(result.statistic()).isCloseTo(2.3340826653355387, within(1e-12));
        assertThat(result.pValue()).isCloseTo(0.01959139379458752, within(1e-10));
        assertThat(result.ciLow()).isCloseTo(0.0019268528607085927, within(1e-9));
        assertThat(result.ciHigh()).isCloseTo(0.0220731471392914, within(1e-9));
        assertThat(result.degreesOfFreedom()).isNull();
    }

    @Test
    void shouldMatchAPublishedWorkedExample() {
        // A worked solution published online (homeworksource.com, "Find the test statistic z for the following
        // situation") compares 140 of 200 with 255 of 340: pooled p 0.7314815, standard error 0.03949401,
        // z = -1.266015 for 140/200 - 255/340 (here the order is variant - baseline, so the sign flips).
        // Python: two-sided p = 0.20550777427449307.
        FixedHorizonTest result = TwoProportionZTest.compare(140, 200, 255, 340, 0.05);

        assertThat(result.statistic()).isCloseTo(1.266015, within(1e-6));
        assertThat(result.pValue()).isCloseTo(0.20550777427449307, within(1e-10));
        assertThat(result.ciLow()).isCloseTo(-0.028434579856455353, within(1e-9));
        assertThat(result.ciHigh()).isCloseTo(0.12843457985645546, within(1e-9));
    }

    @Test
    void shouldMatchPythonReferenceForATinyDifferenceOnLargeArms() {
        // Python: prop(500, 44925, 505, 44910) -> z=0.1639329561578003, p=0.8697839227860011
        FixedHorizonTest result = TwoProportionZTest.compare(500, 44925, 505, 44910, 0.05);

        assertThat(result.statistic()).isCloseTo(0.1639329561578003, within(1e-10));
        assertThat(result.pValue()).isCloseTo(0.8697839227860011, within(1e-10));
        assertThat(result.ciLow()).isCloseTo(-0.0012604878742474444, within(1e-10));
        assertThat(result.ciHigh()).isCloseTo(0.001490590074567208, within(1e-10));
    }

    @Test
    void shouldWidenTheIntervalWhenAlphaIsSmaller() {
        FixedHorizonTest at95 = TwoProportionZTest.compare(200, 4000, 248, 4000, 0.05);
        FixedHorizonTest at99 = TwoProportionZTest.compare(200, 4000, 248, 4000, 0.01);

        assertThat(at99.ciHigh() - at99.ciLow()).isGreaterThan(at95.ciHigh() - at95.ciLow());
        assertThat(at99.pValue()).isEqualTo(at95.pValue());
    }

    @Test
    void shouldReportNoEvidenceWhenNobodyConvertsInEitherArm() {
        FixedHorizonTest result = TwoProportionZTest.compare(0, 50, 0, 70, 0.05);

        assertThat(result.pValue()).isEqualTo(1);
        assertThat(result.statistic()).isZero();
        assertThat(result.relativeLift()).isNull();
    }

    @Test
    void shouldRejectSuccessesAboveTrials() {
        assertThatThrownBy(() -> TwoProportionZTest.compare(11, 10, 1, 10, 0.05))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("baseline")
                .hasMessageContaining("[0, 10]");
    }
}
