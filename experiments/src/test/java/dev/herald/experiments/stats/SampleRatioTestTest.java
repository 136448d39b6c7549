package dev.herald.experiments.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.hipparchus.distribution.continuous.ChiSquaredDistribution;
import org.junit.jupiter.api.Test;

/**
 * Reference p-values from Python 3 (stdlib): for one degree of freedom the chi-squared upper tail equals
 * {@code 2 * NormalDist().cdf(-sqrt(x))}, and for two it equals {@code exp(-x / 2)}.
 */
class SampleRatioTestTest {

    @Test
    void shouldFlagTenThousandAgainstNineThousandFiveHundredOnAFiftyFiftySplit() {
        // chi^2 = 12.820512820512821, p = 0.00034283974161120057
        SampleRatioCheck check = SampleRatioTest.check(split(10_000, 9_500), SampleRatioTest.DEFAULT_THRESHOLD);

        assertThat(check.chiSquared()).isCloseTo(12.820512820512821, within(1e-9));
        assertThat(check.pValue()).isCloseTo(0.00034283974161120057, within(1e-12));
        assertThat(check.flagged()).isTrue();
    }

    @Test
    void shouldNotFlagTenThousandAgainstNineThousandNineHundredFifty() {
        // chi^2 = 0.12531328320802004, p = 0.7233417590035842
        SampleRatioCheck check = SampleRatioTest.check(split(10_000, 9_950), SampleRatioTest.DEFAULT_THRESHOLD);

        assertThat(check.pValue()).isCloseTo(0.7233417590035842, within(1e-12));
        assertThat(check.flagged()).isFalse();
    }

    @Test
    void shouldFlagTenThousandAgainstNineThousandSixHundredOnlyWithALooserThreshold() {
        // chi^2 = 8.16326530612245, p = 0.004274733960172528: a real imbalance, but above the strict 0.001.
        SampleRatioCheck strict = SampleRatioTest.check(split(10_000, 9_600), 0.001);
        SampleRatioCheck loose = SampleRatioTest.check(split(10_000, 9_600), 0.01);

        assertThat(strict.pValue()).isCloseTo(0.004274733960172528, within(1e-12));
        assertThat(strict.flagged()).isFalse();
        assertThat(loose.flagged()).isTrue();
    }

    @Test
    void shouldIncludeTheHoldoutAndAgreeWithHipparchusChiSquared() {
        // 40/40/20 planned, 5,000/5,100/1,900 observed: chi^2 = 131.25, p = exp(-65.625) = 3.1580908916866257e-29.
        List<VariantCounts> variants = List.of(exposed("control", Role.CONTROL, 0.4, 5_000),
                exposed("b", Role.TREATMENT, 0.4, 5_100), exposed("holdout", Role.HOLDOUT, 0.2, 1_900));

        SampleRatioCheck check = SampleRatioTest.check(variants, SampleRatioTest.DEFAULT_THRESHOLD);

        assertThat(check.degreesOfFreedom()).isEqualTo(2);
        assertThat(check.chiSquared()).isCloseTo(131.25, within(1e-9));
        assertThat(check.pValue()).isCloseTo(3.1580908916866257e-29, within(1e-40));
        assertThat(check.flagged()).isTrue();
        assertThat(check.shares().get(2).expected()).isCloseTo(2_400, within(1e-9));
        double moderate = SampleRatioTest.check(split(10_000, 9_800), 0.001).pValue();
        assertThat(moderate).isCloseTo(1 - new ChiSquaredDistribution(1).cumulativeProbability(2.0202020202020203),
                within(1e-12));
    }

    @Test
    void shouldNotFlagBeforeAnyoneIsExposed() {
        SampleRatioCheck check = SampleRatioTest.check(split(0, 0), SampleRatioTest.DEFAULT_THRESHOLD);

        assertThat(check.pValue()).isEqualTo(1);
        assertThat(check.flagged()).isFalse();
    }

    private static List<VariantCounts> split(long control, long treatment) {
        return List.of(exposed("control", Role.CONTROL, 0.5, control), exposed("b", Role.TREATMENT, 0.5, treatment));
    }

    private static VariantCounts exposed(String name, Role role, double weight, long exposed) {
        return VariantCounts.builder(name, role).plannedWeight(weight).exposed(exposed).build();
    }
}
