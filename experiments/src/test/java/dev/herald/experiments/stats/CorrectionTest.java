package dev.herald.experiments.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class CorrectionTest {

    /**
     * The worked example of Wikipedia's "Holm-Bonferroni method": four hypotheses with p = 0.01, 0.04, 0.03, 0.005
     * at alpha 0.05; Holm rejects H1 and H4 only. Adjusted values by the definition (as R's
     * {@code p.adjust(c(0.01, 0.04, 0.03, 0.005), "holm")} computes them): 0.03, 0.06, 0.06, 0.02.
     */
    @Test
    void shouldAdjustTheWikipediaExampleWithHolm() {
        double[] adjusted = Correction.HOLM.adjust(new double[] {0.01, 0.04, 0.03, 0.005});

        assertThat(adjusted[0]).isCloseTo(0.03, within(1e-15));
        assertThat(adjusted[1]).isCloseTo(0.06, within(1e-15));
        assertThat(adjusted[2]).isCloseTo(0.06, within(1e-15));
        assertThat(adjusted[3]).isCloseTo(0.02, within(1e-15));
        assertThat(Arrays.stream(adjusted).filter(p -> p < 0.05).count()).isEqualTo(2);
    }

    /** Benjamini-Hochberg on the same p-values, by its definition (R's {@code "BH"}): 0.02, 0.04, 0.04, 0.02. */
    @Test
    void shouldAdjustTheSameExampleWithBenjaminiHochberg() {
        double[] adjusted = Correction.BENJAMINI_HOCHBERG.adjust(new double[] {0.01, 0.04, 0.03, 0.005});

        assertThat(adjusted[0]).isCloseTo(0.02, within(1e-15));
        assertThat(adjusted[1]).isCloseTo(0.04, within(1e-15));
        assertThat(adjusted[2]).isCloseTo(0.04, within(1e-15));
        assertThat(adjusted[3]).isCloseTo(0.02, within(1e-15));
        assertThat(Arrays.stream(adjusted).filter(p -> p < 0.05).count()).isEqualTo(4);
    }

    @Test
    void shouldCapAdjustedValuesAtOneAndLeaveASingleTestAlone() {
        assertThat(Correction.HOLM.adjust(new double[] {0.6, 0.7})).containsExactly(1.0, 1.0);
        assertThat(Correction.HOLM.adjust(new double[] {0.03})).containsExactly(0.03);
        assertThat(Correction.BENJAMINI_HOCHBERG.adjust(new double[] {0.03})).containsExactly(0.03);
    }

    @Test
    void shouldRefuseAnInvalidPValue() {
        assertThatThrownBy(() -> Correction.HOLM.adjust(new double[] {0.2, Double.NaN}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("[0, 1]");
    }
}
