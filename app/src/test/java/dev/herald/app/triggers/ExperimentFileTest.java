package dev.herald.app.triggers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.herald.core.experiment.Allocation;
import dev.herald.core.experiment.Experiment;
import dev.herald.core.experiment.Guardrail;
import dev.herald.core.experiment.Metric;
import dev.herald.core.experiment.Variant;
import dev.herald.core.profile.Channel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Experiments in YAML: the shipped example, both places they may be written, and errors that name the field. */
class ExperimentFileTest {

    static final String ONE = """
            experiments:
              - name: cart_copy
                trigger: abandoned_cart
                variants:
                  - {name: control, weight: 1}
                  - {name: later, weight: 2, channel: email, delay: 30m}
            """;

    static Definitions add(String yaml) {
        return ExperimentFile.addTo(TriggerFile.defaultDefinitions(), "experiments.yaml", yaml);
    }

    static String problems(String yaml) {
        try {
            add(yaml);
        } catch (TriggerFileException e) {
            return e.getMessage();
        }
        throw new AssertionError("no problem found in:\n" + yaml);
    }

    @Test
    void shouldLoadTheShippedExampleAgainstTheShippedTriggers() {
        Definitions definitions = add(ExperimentFile.exampleText());

        assertThat(definitions.experiments().all()).extracting(Experiment::name).containsExactly("cart_copy",
                "price_drop_timing");
        Experiment cart = definitions.experiments().find("cart_copy").orElseThrow();
        assertThat(cart).isEqualTo(new Experiment("cart_copy", "abandoned_cart", "cart_copy", List.of(
                Variant.plain("control", 1), new Variant("in_app_later", 1, null, Channel.IN_APP,
                        Duration.ofMinutes(30))),
                "control", 0.1, Instant.parse("2024-05-01T00:00:00Z"),
                Instant.parse("2024-06-01T00:00:00Z"), Metric.CONVERSION, List.of(Guardrail.UNSUBSCRIBE),
                Duration.ofHours(72), new Allocation.Fixed()));
        Experiment timing = definitions.experiments().find("price_drop_timing").orElseThrow();
        assertThat(timing.allocation()).isEqualTo(new Allocation.Bandit(0.1));
        assertThat(timing.metric()).isEqualTo(Metric.CLICK);
        assertThat(timing.holdout()).isZero();
        assertThat(timing.conversionWindow()).isEqualTo(Experiment.DEFAULT_CONVERSION_WINDOW);
    }

    @Test
    void shouldReadExperimentsBesideTheTriggersOfATriggerFile(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("mine.yaml");
        Files.writeString(file, TriggerFile.defaultText() + "\n" + ONE);

        Definitions definitions = TriggerFile.loadDefinitions(file);

        assertThat(definitions.triggers().size()).isEqualTo(5);
        assertThat(definitions.experiments().find("cart_copy").orElseThrow().variants().get(1))
                .isEqualTo(new Variant("later", 2, null, Channel.EMAIL, Duration.ofMinutes(30)));
        assertThat(TriggerFile.load(file).all()).isEqualTo(TriggerFile.loadDefault().all());
    }

    @Test
    void shouldAddAnExperimentsFileToTheTriggerFiles(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("experiments.yaml");
        Files.writeString(file, ONE);

        Definitions definitions = TriggerFile.definitions(Optional.empty(), Optional.of(file));

        assertThat(definitions.experiments().all()).extracting(Experiment::name).containsExactly("cart_copy");
        assertThat(definitions.experiments().running("abandoned_cart", Instant.EPOCH)).isPresent();
    }

    @Test
    void shouldNameTheFileLineAndFieldOfEachProblem() {
        String message = problems("""
                experiments:
                  - name: cart_copy
                    trigger: abandoned_kart
                    variants: [{name: control}, {name: b}]
                  - name: prices
                    trigger: price_drop
                    variants:
                      - {name: control, weight: 1}
                      - {name: short, content: shorter}
                      - {name: fax, channel: fax}
                      - {name: slow, delay: 3d}
                      - {name: holdout}
                      - {name: zero, weight: 0}
                    holdout: 60%
                    start: tomorrow
                    metric: opens
                    guardrails: [bounces]
                    allocation: {bandit: {floor: 2}}
                    colour: blue
                """);

        assertThat(message).startsWith("cannot load experiments from experiments.yaml: ")
                .contains("experiments.yaml:3: experiments[0].trigger: no trigger \"abandoned_kart\"; the triggers"
                        + " are order_shipped, abandoned_cart, price_drop, browse_abandonment, inactivity")
                .contains("experiments.yaml:9: experiments[1].variants[1].content: trigger price_drop has no content"
                        + " variant \"shorter\"; its variants are default")
                .contains("experiments.yaml:10: experiments[1].variants[2].channel: \"fax\" is not a channel")
                .contains("experiments.yaml:11: experiments[1].variants[3].delay: 3d is longer than trigger"
                        + " price_drop's urgency window (1d)")
                .contains("experiments.yaml:12: experiments[1].variants[4].name: \"holdout\" names the users held"
                        + " out")
                .contains("experiments.yaml:13: experiments[1].variants[5].weight: a weight must be more than 0")
                .contains("experiments.yaml:14: experiments[1].holdout: the holdout must be between 0 and 0.5")
                .contains("experiments.yaml:15: experiments[1].start: \"tomorrow\" is not an instant")
                .contains("experiments.yaml:16: experiments[1].metric: \"opens\" is not a metric; write one of"
                        + " conversion, revenue_per_recipient, click")
                .contains("experiments.yaml:17: experiments[1].guardrails: \"bounces\" is not a guardrail")
                .contains("experiments.yaml:18: experiments[1].allocation.bandit.floor: a bandit's floor must be at"
                        + " least 0 and below 1, got 2.0")
                .contains("experiments.yaml:19: experiments[1].colour: unknown field \"colour\"");
    }

    @Test
    void shouldRefuseTwoExperimentsOnATriggerAtOnceAndRepeatedNames() {
        assertThat(problems("""
                experiments:
                  - name: first
                    trigger: abandoned_cart
                    variants: [{name: a}, {name: b}]
                    stop: 2024-06-01T00:00:00Z
                  - name: second
                    trigger: abandoned_cart
                    variants: [{name: a}, {name: b}]
                    start: 2024-05-15T00:00:00Z
                """)).contains("experiments.yaml:6: experiments[1]: experiment second tests trigger abandoned_cart"
                + " while experiment first (line 2) does; at most one experiment may run per trigger");
        assertThat(problems("""
                experiments:
                  - {name: same, trigger: price_drop, variants: [{name: a}], holdout: 0.1}
                  - {name: same, trigger: inactivity, variants: [{name: a}], holdout: 0.1}
                """)).contains("experiments.yaml:3: experiments[1].name: \"same\" is already the name of the"
                + " experiment on line 2");
        assertThat(problems("""
                experiments:
                  - {name: alone, trigger: price_drop, variants: [{name: a}]}
                """)).contains("experiments.yaml:2: experiments[0]: experiment alone has one variant and no holdout");
        assertThat(problems("""
                experiments:
                  - {name: later, trigger: price_drop, variants: [{name: a}, {name: b}], control: c}
                """)).contains("experiments.yaml:2: experiments[0].control: \"c\" is not one of the variants [a, b]");
    }

    @Test
    void shouldRefuseTheExperimentsOfTwoFilesThatCollide() {
        Definitions first = add(ONE);

        assertThatThrownBy(() -> ExperimentFile.addTo(first, "more.yaml", ONE))
                .isInstanceOf(TriggerFileException.class)
                .hasMessageContaining("more.yaml: experiments: experiment \"cart_copy\" is defined twice");
    }

    @Test
    void shouldNameTheTriggerFileWhenItsExperimentsAreWrong() {
        assertThatThrownBy(() -> TriggerFile.parseDefinitions("mine.yaml", TriggerFile.defaultText() + """

                experiments:
                  - name: x
                    trigger: nope
                    variants: [{name: a}, {name: b}]
                """)).isInstanceOf(TriggerFileException.class)
                .hasMessageStartingWith("cannot load triggers from mine.yaml: 1 problem")
                .hasMessageContaining("experiments[0].trigger: no trigger \"nope\"");
    }
}
