package dev.herald.experiments.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class ThompsonAllocationTest {

    private static final List<VariantCounts> CLEAR_WINNER = List.of(
            conversions("control", Role.CONTROL, 0.3, 2_000, 100),
            conversions("b", Role.TREATMENT, 0.3, 2_000, 160),
            conversions("c", Role.TREATMENT, 0.3, 2_000, 95),
            conversions("holdout", Role.HOLDOUT, 0.1, 700, 30));

    @Test
    void shouldMoveTrafficToAClearlyBetterVariant() {
        List<Allocation> allocations = ThompsonAllocation.allocate(CLEAR_WINNER, Metric.CONVERSION, 7L);

        Allocation b = allocations.get(1);
        assertThat(b.probabilityBest()).isGreaterThan(0.99);
        // floor 0.05 for each of 3 arms, the rest to b, all scaled by the bandit's 90% of traffic
        assertThat(b.weight()).isCloseTo(0.9 * (0.05 + 0.85 * b.probabilityBest()), within(1e-12));
        assertThat(b.weight()).isGreaterThan(0.8);
    }

    @Test
    void shouldRespectTheFloorAndSumToOne() {
        List<Allocation> allocations = ThompsonAllocation.allocate(CLEAR_WINNER, Metric.CONVERSION, 0.1, 5_000, 7L);

        assertThat(allocations.stream().mapToDouble(Allocation::weight).sum()).isCloseTo(1.0, within(1e-12));
        assertThat(allocations).filteredOn(a -> a.role() != Role.HOLDOUT)
                .allSatisfy(a -> assertThat(a.weight()).isGreaterThanOrEqualTo(0.1 * 0.9 - 1e-12));
    }

    @Test
    void shouldKeepTheHoldoutShareOutOfTheBandit() {
        List<Allocation> allocations = ThompsonAllocation.allocate(CLEAR_WINNER, Metric.CONVERSION, 7L);

        Allocation holdout = allocations.get(3);
        assertThat(holdout.weight()).isCloseTo(0.1, within(1e-12));
        assertThat(holdout.probabilityBest()).isZero();
    }

    @Test
    void shouldBeReproducibleWithTheSameSeed() {
        List<VariantCounts> close = List.of(conversions("control", Role.CONTROL, 0.5, 500, 25),
                conversions("b", Role.TREATMENT, 0.5, 500, 28));

        List<Allocation> first = ThompsonAllocation.allocate(close, Metric.CONVERSION, 42L);
        List<Allocation> again = ThompsonAllocation.allocate(close, Metric.CONVERSION, 42L);
        List<Allocation> otherSeed = ThompsonAllocation.allocate(close, Metric.CONVERSION, 43L);

        assertThat(again).isEqualTo(first);
        assertThat(otherSeed).isNotEqualTo(first);
        // Both estimate the same probability (Monte Carlo error with 10,000 draws is about 0.005).
        assertThat(otherSeed.get(1).probabilityBest()).isCloseTo(first.get(1).probabilityBest(), within(0.03));
    }

    @Test
    void shouldPreferTheLowerRateForALowerIsBetterMetric() {
        List<VariantCounts> unsubscribes = List.of(
                VariantCounts.builder("control", Role.CONTROL).plannedWeight(0.5).exposed(5_000).unsubscribed(60)
                        .build(),
                VariantCounts.builder("b", Role.TREATMENT).plannedWeight(0.5).exposed(5_000).unsubscribed(20)
                        .build());

        List<Allocation> allocations = ThompsonAllocation.allocate(unsubscribes, Metric.UNSUBSCRIBE, 1L);

        assertThat(allocations.get(1).probabilityBest()).isGreaterThan(0.99);
    }

    @Test
    void shouldRefuseRevenueAndAnImpossibleFloor() {
        assertThatThrownBy(() -> ThompsonAllocation.allocate(CLEAR_WINNER, Metric.REVENUE_PER_RECIPIENT, 1L))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("is a mean");
        assertThatThrownBy(() -> ThompsonAllocation.allocate(CLEAR_WINNER, Metric.CONVERSION, 0.4, 1_000, 1L))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("[0, 1/3]");
    }

    private static VariantCounts conversions(String name, Role role, double weight, long exposed, long converted) {
        return VariantCounts.builder(name, role).plannedWeight(weight).exposed(exposed).converted(converted).build();
    }
}
