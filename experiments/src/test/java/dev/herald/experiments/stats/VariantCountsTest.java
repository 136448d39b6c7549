package dev.herald.experiments.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class VariantCountsTest {

    @Test
    void shouldBuildConsistentCounts() {
        VariantCounts counts = VariantCounts.builder("b", Role.TREATMENT).plannedWeight(0.5).exposed(100).sent(98)
                .delivered(95).opened(40).clicked(10).converted(5).revenue(250, 12_500 + 2_500).unsubscribed(1)
                .build();

        assertThat(counts.revenuePerRecipient()).isEqualTo(2.5);
        assertThat(Metric.CONVERSION.value(counts)).isEqualTo(0.05);
        assertThat(Metric.UNSUBSCRIBE.value(counts)).isEqualTo(0.01);
    }

    @Test
    void shouldRefuseMoreConvertedThanExposed() {
        assertThatThrownBy(() -> VariantCounts.builder("b", Role.TREATMENT).exposed(10).converted(11).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Variant 'b': converted=11 is more than exposed=10; every count is of distinct users"
                        + " among the exposed");
    }

    @Test
    void shouldRefuseNegativeCounts() {
        assertThatThrownBy(() -> VariantCounts.builder("b", Role.TREATMENT).exposed(-1).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Variant 'b': exposed must not be negative, got -1");
    }

    @Test
    void shouldRefuseMoreDeliveredThanSent() {
        assertThatThrownBy(() -> VariantCounts.builder("b", Role.TREATMENT).exposed(10).sent(5).delivered(6).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("delivered=6 is more than sent=5");
    }

    @Test
    void shouldRefuseAHoldoutThatWasSentSomething() {
        assertThatThrownBy(() -> VariantCounts.builder("holdout", Role.HOLDOUT).exposed(10).sent(3).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is a holdout but sent=3");
    }

    @Test
    void shouldRefuseASumOfSquaresThatCannotComeFromPerUserValues() {
        // Two users with revenue 10 in total have a sum of squares of at least 50.
        assertThatThrownBy(() -> VariantCounts.builder("b", Role.TREATMENT).exposed(2).revenue(10, 40).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("revenueSumOfSquares 40.0")
                .hasMessageContaining("revenueSum^2/exposed = 50.0");
    }

    @Test
    void shouldRefuseAWeightOutOfRangeAndABlankName() {
        assertThatThrownBy(() -> VariantCounts.builder("b", Role.TREATMENT).plannedWeight(0).build())
                .hasMessageContaining("plannedWeight must be in (0, 1], got 0.0");
        assertThatThrownBy(() -> VariantCounts.builder(" ", Role.TREATMENT).build())
                .hasMessageContaining("needs a name");
    }
}
