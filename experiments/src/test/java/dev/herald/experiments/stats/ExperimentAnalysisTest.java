package dev.herald.experiments.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class ExperimentAnalysisTest {

    /** Three message variants and a holdout; b converts better but makes more users unsubscribe. */
    private static final List<VariantCounts> EXPERIMENT = List.of(
            variant("control", Role.CONTROL, 0.3, 10_000, 500, 20),
            variant("b", Role.TREATMENT, 0.3, 10_000, 620, 45),
            variant("c", Role.TREATMENT, 0.3, 10_000, 510, 22),
            variant("holdout", Role.HOLDOUT, 0.1, 3_333, 120, 0));

    @Test
    void shouldCompareEachTreatmentWithTheControlAndEveryMessageWithTheHoldout() {
        ExperimentResult result = ExperimentAnalysis.of(Metric.CONVERSION).analyze(EXPERIMENT);

        assertThat(result.comparisons()).extracting(c -> c.variant() + " vs " + c.baseline() + " " + c.metric())
                .containsExactly("b vs control CONVERSION", "b vs control UNSUBSCRIBE", "c vs control CONVERSION",
                        "c vs control UNSUBSCRIBE", "control vs holdout CONVERSION", "b vs holdout CONVERSION",
                        "c vs holdout CONVERSION");
        assertThat(result.notEstimated()).isEmpty();
        assertThat(result.trustworthy()).isTrue();
        assertThat(result.variants()).hasSize(4);
        assertThat(result.variants().get(1).conversionRate()).isEqualTo(0.062);
    }

    @Test
    void shouldAdjustThePrimaryFamilyWithHolm() {
        ExperimentResult result = ExperimentAnalysis.of(Metric.CONVERSION).analyze(EXPERIMENT);

        ExperimentResult.Comparison b = find(result, "b", "control", Metric.CONVERSION);
        ExperimentResult.Comparison c = find(result, "c", "control", Metric.CONVERSION);
        double[] holm = Correction.HOLM.adjust(new double[] {b.fixedHorizon().pValue(), c.fixedHorizon().pValue()});
        assertThat(b.familySize()).isEqualTo(2);
        assertThat(b.adjustedPValue()).isEqualTo(holm[0]).isEqualTo(2 * b.fixedHorizon().pValue());
        assertThat(c.adjustedPValue()).isEqualTo(holm[1]);
        assertThat(b.outcome()).isEqualTo(Outcome.BETTER);
        assertThat(c.outcome()).isEqualTo(Outcome.INCONCLUSIVE);
        assertThat(b.bayesian().chanceToBeat()).isGreaterThan(0.99);
        assertThat(b.alwaysValid().pValue()).isGreaterThan(b.fixedHorizon().pValue());
    }

    @Test
    void shouldFlagAGuardrailThatGetsWorse() {
        ExperimentResult result = ExperimentAnalysis.of(Metric.CONVERSION).analyze(EXPERIMENT);

        ExperimentResult.Comparison unsubscribes = find(result, "b", "control", Metric.UNSUBSCRIBE);
        assertThat(unsubscribes.guardrail()).isTrue();
        assertThat(unsubscribes.fixedHorizon().difference()).isPositive();
        assertThat(unsubscribes.outcome()).isEqualTo(Outcome.WORSE);
        assertThat(unsubscribes.bayesian().chanceToBeat()).isLessThan(0.01);
    }

    @Test
    void shouldWriteVerdictsAUserCanRead() {
        ExperimentResult result = ExperimentAnalysis.of(Metric.CONVERSION).analyze(EXPERIMENT);

        assertThat(result.verdicts().get(0)).isEqualTo(
                "SRM: exposed users 10,000 / 10,000 / 10,000 / 3,333 (control / b / c / holdout) match the planned"
                        + " split 30% / 30% / 30% / 10% (p=1.000)");
        ExperimentResult.Comparison b = find(result, "b", "control", Metric.CONVERSION);
        assertThat(result.verdicts()).contains(String.format(Locale.ROOT,
                "variant b beats control on conversion: +1.2 pp (+24.0%% relative) (95%% CI %.1f to %.1f),"
                        + " p<0.001 after Holm; always-valid %s after Holm; chance to beat control >99.9%%",
                b.fixedHorizon().ciLow() * 100, b.fixedHorizon().ciHigh() * 100,
                Verdicts.pValue(b.adjustedAlwaysValidPValue())));
        assertThat(b.adjustedPValue()).isLessThan(0.001);
        assertThat(result.verdicts()).anyMatch(line -> line.startsWith(
                "variant c vs control on conversion: no significant difference yet, +0.1 pp"));
        assertThat(result.verdicts()).anyMatch(line -> line.startsWith(
                "control beats holdout on conversion (incremental effect of the message): +1.4 pp"));
        assertThat(result.verdicts()).anyMatch(line -> line.startsWith(
                "guardrail unsubscribe rate: variant b is worse than control, +0.25 pp"));
        assertThat(result.verdicts()).last().isEqualTo("recommendation: variant b wins on conversion but is worse"
                + " on unsubscribe rate; weigh both before rolling it out");
    }

    @Test
    void shouldWarnFirstWhenTheSampleRatioIsOff() {
        List<VariantCounts> skewed = List.of(variant("control", Role.CONTROL, 0.5, 10_000, 500, 20),
                variant("b", Role.TREATMENT, 0.5, 9_500, 600, 19));

        ExperimentResult result = ExperimentAnalysis.of(Metric.CONVERSION).analyze(skewed);

        assertThat(result.trustworthy()).isFalse();
        assertThat(result.verdicts().get(0)).startsWith("SRM: exposed users 10,000 / 9,500 (control / b) do not"
                + " match the planned split 50% / 50% (chi-squared 12.82, p<0.001, below 0.001)")
                .endsWith("flagged, do not trust this result until assignment is fixed");
        assertThat(result.verdicts()).last().isEqualTo(
                "recommendation: none; fix the sample ratio mismatch first");
    }

    @Test
    void shouldListWhatCannotBeEstimatedYet() {
        List<VariantCounts> early = List.of(variant("control", Role.CONTROL, 0.5, 40, 2, 0),
                variant("b", Role.TREATMENT, 0.5, 0, 0, 0));

        ExperimentResult result = ExperimentAnalysis.of(Metric.CONVERSION).analyze(early);

        assertThat(result.comparisons()).isEmpty();
        assertThat(result.notEstimated()).extracting(ExperimentResult.NotEstimated::reason).containsExactly(
                "not enough data yet: conversion needs at least 1 exposed user in each arm (b has 0, control has 40)",
                "not enough data yet: unsubscribe rate needs at least 1 exposed user in each arm (b has 0, control"
                        + " has 40)");
        assertThat(result.verdicts()).contains("variant b vs control on conversion: not enough data yet: conversion"
                + " needs at least 1 exposed user in each arm (b has 0, control has 40)");
    }

    @Test
    void shouldNotEstimateARateThatIsZeroInBothArms() {
        List<VariantCounts> quiet = List.of(variant("control", Role.CONTROL, 0.5, 700, 3, 0),
                variant("b", Role.TREATMENT, 0.5, 720, 5, 0));

        ExperimentResult result = ExperimentAnalysis.of(Metric.CONVERSION).analyze(quiet);

        assertThat(result.comparisons()).extracting(ExperimentResult.Comparison::metric)
                .containsExactly(Metric.CONVERSION);
        assertThat(result.notEstimated()).singleElement().satisfies(n -> assertThat(n.reason()).isEqualTo(
                "not enough data yet: the unsubscribe rate is 0 in both arms, so its difference has no estimable"
                        + " variance"));
    }

    @Test
    void shouldDecideOnAlwaysValidPValuesWhenAsked() {
        // A 1.2 pp lift on 4,000 users per arm: significant read once at a fixed horizon, not yet when peeking.
        List<VariantCounts> modest = List.of(variant("control", Role.CONTROL, 0.5, 4_000, 200, 0),
                variant("b", Role.TREATMENT, 0.5, 4_000, 248, 0));

        ExperimentResult fixed = ExperimentAnalysis.of(Metric.CONVERSION).analyze(modest);
        ExperimentResult sequential = ExperimentAnalysis.of(Metric.CONVERSION).withInference(Inference.ALWAYS_VALID)
                .analyze(modest);

        assertThat(fixed.comparisons().get(0).significant()).isTrue();
        assertThat(sequential.comparisons().get(0).significant()).isFalse();
        assertThat(sequential.verdicts().get(1)).startsWith(
                "variant b vs control on conversion: no significant difference yet, +1.2 pp (+24.0% relative)"
                        + " (always-valid 95% CI ");
    }

    @Test
    void shouldCompareRevenuePerRecipientWithWelch() {
        List<VariantCounts> revenue = List.of(
                VariantCounts.builder("control", Role.CONTROL).plannedWeight(0.5).exposed(5_000).converted(250)
                        .revenue(250 * 40.0, 250 * 1_600.0 + 250 * 100.0).build(),
                VariantCounts.builder("b", Role.TREATMENT).plannedWeight(0.5).exposed(5_000).converted(300)
                        .revenue(300 * 42.0, 300 * 1_764.0 + 300 * 100.0).build());

        ExperimentResult result = ExperimentAnalysis.of(Metric.REVENUE_PER_RECIPIENT).withGuardrails(List.of())
                .analyze(revenue);

        ExperimentResult.Comparison comparison = result.comparisons().get(0);
        assertThat(comparison.fixedHorizon().method()).isEqualTo(WelchTTest.METHOD);
        assertThat(comparison.fixedHorizon().difference()).isCloseTo(2.52 - 2.0, within(1e-12));
        assertThat(comparison.bayesian().method()).isEqualTo(BayesianComparison.NORMAL_METHOD);
        assertThat(result.verdicts().get(1)).startsWith("variant b beats control on revenue per recipient: +0.52"
                + " per recipient (+26.0% relative) (95% CI ");
    }

    @Test
    void shouldUseBenjaminiHochbergWhenChosen() {
        ExperimentResult result = ExperimentAnalysis.of(Metric.CONVERSION)
                .withCorrection(Correction.BENJAMINI_HOCHBERG).analyze(EXPERIMENT);

        assertThat(result.correction()).isEqualTo(Correction.BENJAMINI_HOCHBERG);
        assertThat(result.verdicts()).anyMatch(line -> line.contains("after Benjamini-Hochberg"));
    }

    @Test
    void shouldRefuseAnExperimentWithoutExactlyOneControl() {
        List<VariantCounts> twoControls = List.of(variant("a", Role.CONTROL, 0.5, 10, 1, 0),
                variant("b", Role.CONTROL, 0.5, 10, 1, 0));

        assertThatThrownBy(() -> ExperimentAnalysis.of(Metric.CONVERSION).analyze(twoControls))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("An experiment needs exactly one variant with role CONTROL, got 2");
    }

    @Test
    void shouldRefuseWeightsThatDoNotSumToOne() {
        List<VariantCounts> partial = List.of(variant("control", Role.CONTROL, 0.45, 10, 1, 0),
                variant("b", Role.TREATMENT, 0.45, 10, 1, 0));

        assertThatThrownBy(() -> ExperimentAnalysis.of(Metric.CONVERSION).analyze(partial))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must sum to 1")
                .hasMessageContaining("{control=0.45, b=0.45}");
    }

    @Test
    void shouldRefuseThePrimaryMetricAsAGuardrail() {
        assertThatThrownBy(() -> ExperimentAnalysis.of(Metric.CONVERSION).withGuardrails(List.of(Metric.CONVERSION)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cannot also be a guardrail");
    }

    @Test
    void shouldRoundTripThroughJackson() throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        ExperimentResult result = ExperimentAnalysis.of(Metric.CONVERSION).analyze(EXPERIMENT);

        String json = mapper.writeValueAsString(result);
        ExperimentResult back = mapper.readValue(json, ExperimentResult.class);

        assertThat(json).doesNotContain("NaN").doesNotContain("Infinity").contains("\"primaryMetric\":\"CONVERSION\"");
        assertThat(back).isEqualTo(result);
    }

    private static ExperimentResult.Comparison find(ExperimentResult result, String variant, String baseline,
            Metric metric) {
        return result.comparisons().stream().filter(c -> c.variant().equals(variant)
                && c.baseline().equals(baseline) && c.metric() == metric).findFirst().orElseThrow();
    }

    private static VariantCounts variant(String name, Role role, double weight, long exposed, long converted,
            long unsubscribed) {
        return VariantCounts.builder(name, role).plannedWeight(weight).exposed(exposed)
                .sent(role.receivesMessage() ? exposed : 0).delivered(role.receivesMessage() ? exposed : 0)
                .converted(converted).revenue(converted * 40.0, converted * 1_600.0).unsubscribed(unsubscribed)
                .build();
    }
}
