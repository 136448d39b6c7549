package dev.herald.server.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.core.experiment.Allocation;
import dev.herald.core.experiment.Experiment;
import dev.herald.core.experiment.Guardrail;
import dev.herald.core.experiment.Metric;
import dev.herald.core.experiment.Role;
import dev.herald.core.experiment.Variant;
import dev.herald.core.experiment.VariantCounts;
import java.time.Duration;
import java.util.List;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

class ThompsonAllocatorTest {

    private static Experiment experiment(Allocation allocation) {
        return new Experiment("cart_copy", "abandoned_cart", null,
                List.of(Variant.plain("a", 1), Variant.plain("b", 1), Variant.plain("c", 1)), null, 0.1, null, null,
                Metric.CONVERSION, List.of(Guardrail.UNSUBSCRIBE), Duration.ofHours(72), allocation);
    }

    private static VariantCounts arm(String name, Role role, long exposed, long converted) {
        return new VariantCounts("cart_copy", name, role, 0.3, exposed, exposed, 0, exposed, 0, 0, 0, 0, converted,
                0, 0);
    }

    private static final List<VariantCounts> COUNTS = List.of(arm("a", Role.CONTROL, 2_000, 100),
            arm("b", Role.TREATMENT, 2_000, 170), arm("c", Role.TREATMENT, 2_000, 95),
            arm("holdout", Role.HOLDOUT, 700, 30));

    @Test
    void movesTrafficToTheClearlyBetterVariantAndKeepsTheFloor() {
        List<Double> weights = new ThompsonAllocator().weights(experiment(new Allocation.Bandit(0.1)), COUNTS);

        assertThat(weights).hasSize(3);
        assertThat(weights.stream().mapToDouble(Double::doubleValue).sum()).isCloseTo(1, Offset.offset(1e-9));
        assertThat(weights.get(1)).isGreaterThan(0.7);
        assertThat(weights.get(0)).isGreaterThanOrEqualTo(0.1 - 1e-12);
        assertThat(weights.get(2)).isGreaterThanOrEqualTo(0.1 - 1e-12);
    }

    @Test
    void theSameCountsGiveTheSameWeights() {
        Experiment experiment = experiment(new Allocation.Bandit(0.05));
        assertThat(new ThompsonAllocator().weights(experiment, COUNTS))
                .isEqualTo(new ThompsonAllocator().weights(experiment, COUNTS));
    }

    @Test
    void keepsTheWrittenWeightsWithoutExposuresOrWithoutABandit() {
        List<VariantCounts> none = COUNTS.stream().map(c -> arm(c.variant(), c.role(), 0, 0)).toList();
        assertThat(new ThompsonAllocator().weights(experiment(new Allocation.Bandit(0.05)), none))
                .isEqualTo(List.of(1.0, 1.0, 1.0));
        assertThat(new ThompsonAllocator().weights(experiment(new Allocation.Fixed()), COUNTS))
                .isEqualTo(List.of(1.0, 1.0, 1.0));
    }
}
