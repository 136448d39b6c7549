package dev.herald.core.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Assignment to arms: deterministic, independent of order, true to the weights and the holdout; definitions. */
class ExperimentTest {

    static final int USERS = 100_000;

    static Experiment experiment(double holdout, Variant... variants) {
        return new Experiment("cart_copy", "abandoned_cart", null, List.of(variants), null, holdout, null, null,
                Metric.CONVERSION, List.of(Guardrail.UNSUBSCRIBE), Experiment.DEFAULT_CONVERSION_WINDOW,
                new Allocation.Fixed());
    }

    static Map<String, Integer> tally(Experiment experiment, List<String> users) {
        Map<String, Integer> counts = new HashMap<>();
        for (String user : users) {
            counts.merge(experiment.assign(user, experiment.weights()).variant(), 1, Integer::sum);
        }
        return counts;
    }

    static List<String> users(int count) {
        List<String> users = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            users.add("user-" + i);
        }
        return users;
    }

    @Test
    void shouldGiveAUserTheSameArmEveryTimeWhateverTheOrder() {
        Experiment experiment = experiment(0.1, Variant.plain("control", 1), Variant.plain("short", 1));
        List<String> users = users(2_000);
        Map<String, String> first = new HashMap<>();
        users.forEach(user -> first.put(user, experiment.assign(user, experiment.weights()).variant()));
        List<String> shuffled = new ArrayList<>(users);
        Collections.shuffle(shuffled, new Random(7));

        Map<String, String> again = new HashMap<>();
        shuffled.forEach(user -> again.put(user, experiment.assign(user, experiment.weights()).variant()));

        assertThat(again).isEqualTo(first);
        assertThat(first.values()).contains("control", "short", Assignment.HOLDOUT);
    }

    @Test
    void shouldSplitOneHundredThousandUsersByTheWeightsAndTheHoldout() {
        Experiment experiment = experiment(0.2, Variant.plain("control", 2), Variant.plain("short", 1),
                Variant.plain("long", 1));

        Map<String, Integer> counts = tally(experiment, users(USERS));

        // Expected shares: holdout 0.2, then 0.8 split 2:1:1. The hash has 10,000 buckets; a binomial standard
        // deviation at these sizes is about 0.0013, so 0.006 is over four of them.
        assertThat(counts.get(Assignment.HOLDOUT) / (double) USERS).isCloseTo(0.2, within(0.006));
        assertThat(counts.get("control") / (double) USERS).isCloseTo(0.4, within(0.006));
        assertThat(counts.get("short") / (double) USERS).isCloseTo(0.2, within(0.006));
        assertThat(counts.get("long") / (double) USERS).isCloseTo(0.2, within(0.006));
        for (String arm : experiment.arms()) {
            assertThat(counts.get(arm) / (double) USERS).as(arm).isCloseTo(experiment.plannedShare(arm),
                    within(0.006));
        }
    }

    @Test
    void shouldKeepTheHoldoutWhenTheVariantWeightsMove() {
        Experiment experiment = experiment(0.15, Variant.plain("control", 1), Variant.plain("short", 1));
        List<String> users = users(5_000);

        for (String user : users) {
            Assignment even = experiment.assign(user, List.of(1.0, 1.0));
            Assignment skewed = experiment.assign(user, List.of(0.05, 0.95));
            assertThat(skewed.isHoldout()).as(user).isEqualTo(even.isHoldout());
        }
    }

    @Test
    void shouldReshuffleUsersWithAnotherSeed() {
        Experiment first = experiment(0, Variant.plain("control", 1), Variant.plain("short", 1));
        Experiment reseeded = new Experiment(first.name(), first.trigger(), "another seed", first.variants(), null,
                0, null, null, Metric.CONVERSION, List.of(), Duration.ofHours(72), new Allocation.Fixed());
        List<String> users = users(2_000);

        long same = users.stream().filter(user -> first.assign(user, first.weights()).variant()
                .equals(reseeded.assign(user, reseeded.weights()).variant())).count();

        assertThat(same).isBetween(900L, 1_100L);
    }

    @Test
    void shouldAssignWithGrowthBooksVersionTwoHashOfTheSeedAndUser() {
        Experiment experiment = new Experiment("cart_copy", "abandoned_cart", "foo", List.of(Variant.plain("a", 1),
                Variant.plain("b", 1)), null, 0, null, null, Metric.CONVERSION, List.of(), Duration.ofHours(72),
                new Allocation.Fixed());

        // GrowthBook's vectors: hash("foo", "ab", 2) = 0.2575 and hash("foo", "def", 2) = 0.2019, both below 0.5.
        assertThat(experiment.assign("ab", experiment.weights()).variant()).isEqualTo("a");
        assertThat(experiment.assign("def", experiment.weights()).variant()).isEqualTo("a");
        assertThat(experiment.assign("1", experiment.weights()).variant()).isEqualTo(
                Bucketing.hash("foo", "1", 2).orElseThrow() < 0.5 ? "a" : "b");
    }

    @Test
    void shouldFloorABanditsWeights() {
        Allocation.Bandit bandit = new Allocation.Bandit(0.1);

        List<Double> floored = bandit.floored(List.of(0.0, 1.0, 3.0));

        assertThat(floored.get(0)).isCloseTo(0.1, within(1e-12));
        assertThat(floored.get(1)).isCloseTo(0.1 + 0.7 * 0.25, within(1e-12));
        assertThat(floored.get(2)).isCloseTo(0.1 + 0.7 * 0.75, within(1e-12));
        assertThat(floored.stream().mapToDouble(Double::doubleValue).sum()).isCloseTo(1.0, within(1e-12));
        assertThat(bandit.floored(List.of(0.0, -1.0))).containsExactly(0.5, 0.5);
    }

    @Test
    void shouldKnowWhenItRuns() {
        Instant start = Instant.parse("2024-03-01T00:00:00Z");
        Instant stop = Instant.parse("2024-04-01T00:00:00Z");
        Experiment timed = new Experiment("timed", "abandoned_cart", null, List.of(Variant.plain("a", 1),
                Variant.plain("b", 1)), null, 0, start, stop, Metric.CLICK, List.of(), Duration.ofHours(1),
                new Allocation.Fixed());

        assertThat(timed.status(start.minusMillis(1))).isEqualTo(Status.SCHEDULED);
        assertThat(timed.status(start)).isEqualTo(Status.RUNNING);
        assertThat(timed.status(stop.minusMillis(1))).isEqualTo(Status.RUNNING);
        assertThat(timed.status(stop)).isEqualTo(Status.ENDED);
    }

    @Test
    void shouldRefuseDefinitionsThatCannotBeMeasured() {
        assertThatThrownBy(() -> experiment(0, Variant.plain("only", 1)))
                .hasMessageContaining("nothing to compare it with");
        assertThatThrownBy(() -> experiment(0.6, Variant.plain("a", 1), Variant.plain("b", 1)))
                .hasMessageContaining("the holdout must be between 0 and 0.5, got 0.6");
        assertThatThrownBy(() -> Variant.plain(Assignment.HOLDOUT, 1)).hasMessageContaining("names the users held");
        assertThatThrownBy(() -> Variant.plain("a", 0)).hasMessageContaining("positive number");
        assertThatThrownBy(() -> experiment(0, Variant.plain("a", 1), Variant.plain("a", 2)))
                .hasMessageContaining("variant a is defined twice");
        assertThatThrownBy(() -> new Experiment("x", "t", null, List.of(Variant.plain("a", 1), Variant.plain("b",
                1), Variant.plain("c", 1)), null, 0, null, null, Metric.CONVERSION, List.of(), Duration.ofHours(1),
                new Allocation.Bandit(0.4))).hasMessageContaining("adds up to more than all the traffic");
    }

    @Test
    void shouldGiveRolesAndPlannedShares() {
        Experiment experiment = experiment(0.1, Variant.plain("control", 3), Variant.plain("short", 1));

        assertThat(experiment.arms()).containsExactly("control", "short", Assignment.HOLDOUT);
        assertThat(experiment.role("control")).isEqualTo(Role.CONTROL);
        assertThat(experiment.role("short")).isEqualTo(Role.TREATMENT);
        assertThat(experiment.role(Assignment.HOLDOUT)).isEqualTo(Role.HOLDOUT);
        assertThat(experiment.plannedShare("control")).isCloseTo(0.675, within(1e-12));
        assertThat(experiment.plannedShare("short")).isCloseTo(0.225, within(1e-12));
        assertThat(experiment.plannedShare(Assignment.HOLDOUT)).isEqualTo(0.1);
        assertThatThrownBy(() -> experiment.role("nope")).hasMessageContaining("has no arm nope");
    }
}
