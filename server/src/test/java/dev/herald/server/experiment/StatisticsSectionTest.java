package dev.herald.server.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.herald.core.experiment.Allocation;
import dev.herald.core.experiment.Experiment;
import dev.herald.core.experiment.Guardrail;
import dev.herald.core.experiment.Metric;
import dev.herald.core.experiment.Role;
import dev.herald.core.experiment.Variant;
import dev.herald.core.experiment.VariantCounts;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class StatisticsSectionTest {

    private static Experiment experiment(Allocation allocation) {
        return new Experiment("cart_copy", "abandoned_cart", null,
                List.of(Variant.plain("a", 1), Variant.plain("b", 1)), null, 0.1, null, null, Metric.CONVERSION,
                List.of(Guardrail.UNSUBSCRIBE), Duration.ofHours(72), allocation);
    }

    private static VariantCounts arm(String name, Role role, double share, long exposed, long converted,
            long unsubscribed) {
        long sent = role == Role.HOLDOUT ? 0 : exposed;
        return new VariantCounts("cart_copy", name, role, share, exposed, sent, 0, sent, sent / 3, sent / 10,
                unsubscribed, converted / 2, converted, converted * 40.0, converted * 1600.0);
    }

    private static JsonNode statistics(Experiment experiment, List<VariantCounts> arms) {
        List<ReportSection> sections = new StatisticsSection().compute(experiment, arms);
        assertThat(sections).extracting(ReportSection::name).containsExactly("statistics");
        return sections.get(0).json();
    }

    @Test
    void aClearWinnerIsSignificantAgainstControlAndHoldoutWithAValidSplit() {
        Experiment experiment = experiment(new Allocation.Fixed());
        List<VariantCounts> arms = List.of(arm("a", Role.CONTROL, 0.45, 9_000, 450, 20),
                arm("b", Role.TREATMENT, 0.45, 9_050, 720, 22), arm("holdout", Role.HOLDOUT, 0.1, 2_010, 80, 0));

        JsonNode json = statistics(experiment, arms);

        assertThat(json.path("sampleRatio").path("flagged").asBoolean()).isFalse();
        assertThat(json.path("trustworthy").asBoolean()).isTrue();
        JsonNode bVsA = comparison(json, "b", "a", "CONVERSION");
        assertThat(bVsA.path("significant").asBoolean()).isTrue();
        assertThat(bVsA.path("outcome").asText()).isEqualTo("BETTER");
        assertThat(bVsA.path("fixedHorizon").path("difference").asDouble()).isCloseTo(720.0 / 9_050 - 0.05,
                org.assertj.core.data.Offset.offset(1e-9));
        assertThat(bVsA.path("alwaysValid").path("pValue").asDouble())
                .as("the always-valid p-value is larger than the fixed-horizon one")
                .isGreaterThanOrEqualTo(bVsA.path("fixedHorizon").path("pValue").asDouble());
        assertThat(comparison(json, "b", "holdout", "CONVERSION").path("outcome").asText()).isEqualTo("BETTER");
        assertThat(comparison(json, "b", "a", "UNSUBSCRIBE").path("guardrail").asBoolean()).isTrue();
        List<String> lines = new StatisticsSection().compute(experiment, arms).get(0).lines();
        assertThat(lines).anySatisfy(line -> assertThat(line).startsWith("b vs a, conversion"));
    }

    @Test
    void aSkewedSplitIsFlaggedAsNotToBeTrusted() {
        Experiment experiment = experiment(new Allocation.Fixed());
        List<VariantCounts> arms = List.of(arm("a", Role.CONTROL, 0.45, 9_000, 450, 20),
                arm("b", Role.TREATMENT, 0.45, 8_200, 420, 18), arm("holdout", Role.HOLDOUT, 0.1, 2_000, 80, 0));

        JsonNode json = statistics(experiment, arms);

        assertThat(json.path("sampleRatio").path("flagged").asBoolean()).isTrue();
        assertThat(json.path("trustworthy").asBoolean()).isFalse();
        assertThat(json.path("verdicts").get(0).asText()).contains("do not trust");
    }

    @Test
    void aBanditIsNotCheckedForSampleRatioAndCarriesTheBiasCaveat() {
        Experiment experiment = experiment(new Allocation.Bandit(0.05));
        List<VariantCounts> arms = List.of(arm("a", Role.CONTROL, 0.45, 3_000, 150, 5),
                arm("b", Role.TREATMENT, 0.45, 15_000, 1_200, 30), arm("holdout", Role.HOLDOUT, 0.1, 2_000, 80, 0));

        JsonNode json = statistics(experiment, arms);

        assertThat(json.path("sampleRatio").path("flagged").asBoolean()).isFalse();
        assertThat(json.path("caveat").asText()).contains("biased");
        assertThat(json.path("trustworthy").asBoolean()).isFalse();
    }

    @Test
    void severalMessagesToOneUserCountTheUserOnce() {
        Experiment experiment = experiment(new Allocation.Fixed());
        VariantCounts a = arm("a", Role.CONTROL, 0.45, 900, 45, 2);
        VariantCounts twice = new VariantCounts("cart_copy", "b", Role.TREATMENT, 0.45, 910, 1_600, 0, 910, 300, 90,
                2, 20, 47, 1_880, 75_200);
        List<VariantCounts> arms = List.of(a, twice, arm("holdout", Role.HOLDOUT, 0.1, 190, 8, 0));

        JsonNode json = statistics(experiment, arms);

        assertThat(json.has("error")).as("%s", json).isFalse();
        assertThat(json.path("variants").get(1).path("counts").path("sent").asLong()).isEqualTo(910);
    }

    @Test
    void anExperimentWithoutExposuresSaysWhatIsMissing() {
        Experiment experiment = experiment(new Allocation.Fixed());
        List<VariantCounts> arms = List.of(arm("a", Role.CONTROL, 0.45, 0, 0, 0),
                arm("b", Role.TREATMENT, 0.45, 0, 0, 0), arm("holdout", Role.HOLDOUT, 0.1, 0, 0, 0));

        List<String> lines = new StatisticsSection().compute(experiment, arms).get(0).lines();

        assertThat(lines).isNotEmpty();
        assertThat(String.join("\n", lines)).doesNotContain("NaN");
    }

    private static JsonNode comparison(JsonNode json, String variant, String baseline, String metric) {
        for (JsonNode c : json.path("comparisons")) {
            if (c.path("variant").asText().equals(variant) && c.path("baseline").asText().equals(baseline)
                    && c.path("metric").asText().equals(metric)) {
                return c;
            }
        }
        throw new AssertionError("no comparison " + variant + " vs " + baseline + " on " + metric + " in " + json);
    }
}
