package dev.herald.core.engine;

import static dev.herald.core.testing.Events.add;
import static dev.herald.core.testing.Events.identify;
import static dev.herald.core.testing.Events.order;
import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.core.decision.Action;
import dev.herald.core.decision.Decision;
import dev.herald.core.decision.Reason;
import dev.herald.core.decision.Stage;
import dev.herald.core.decision.TraceStep;
import dev.herald.core.event.Event;
import dev.herald.core.experiment.Allocation;
import dev.herald.core.experiment.AllocationWeights;
import dev.herald.core.experiment.Assignment;
import dev.herald.core.experiment.Experiment;
import dev.herald.core.experiment.ExperimentSet;
import dev.herald.core.experiment.Guardrail;
import dev.herald.core.experiment.Metric;
import dev.herald.core.experiment.Variant;
import dev.herald.core.policy.SeedPolicy;
import dev.herald.core.profile.Channel;
import dev.herald.core.profile.Profile;
import dev.herald.core.testing.Recorder;
import dev.herald.core.testing.TestTriggers;
import dev.herald.core.trigger.TriggerDefinition;
import dev.herald.core.trigger.TriggerSet;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Experiments in the decision pipeline: holdouts, variants' overrides, running times, bandit assignment. */
class ExperimentPipelineTest {

    static final Instant T0 = Instant.parse("2024-03-04T10:00:00Z");
    static final Instant FIRED = T0.plus(Duration.ofHours(1));
    static final Instant LATER = T0.plus(Duration.ofHours(5));

    /** The shipped abandoned cart with a second content variant, {@code short}. */
    static TriggerDefinition cart() {
        TriggerDefinition t = TestTriggers.abandonedCart();
        return new TriggerDefinition(t.id(), t.name(), t.kind(), t.priority(), t.scope(), t.entry(), t.waitTime(),
                t.restartOnEntry(), t.urgency(), t.exit(), t.reentry(), t.channels(), t.quietHours(),
                List.of("default", "short"), t.brief());
    }

    static Experiment experiment(double holdout, Allocation allocation, Instant start, Variant... variants) {
        return new Experiment("cart_copy", "abandoned_cart", null, List.of(variants), null, holdout, start, null,
                Metric.CONVERSION, List.of(Guardrail.UNSUBSCRIBE), Duration.ofHours(72), allocation);
    }

    static EngineConfig config(Experiment... experiments) {
        TriggerSet triggers = TriggerSet.of(List.of(cart(), TestTriggers.orderShipped()));
        return EngineConfig.defaults(triggers, new SeedPolicy()).withNewUserProfile(Profile.ASSUMED_REACHABLE)
                .withExperiments(ExperimentSet.of(List.of(experiments), triggers));
    }

    static Event[] carts(int users) {
        List<Event> events = new ArrayList<>();
        for (int i = 0; i < users; i++) {
            events.add(add("u" + i, "p1", T0));
        }
        return events.toArray(Event[]::new);
    }

    static TraceStep experimentStep(Decision decision) {
        return decision.trace().stream().filter(step -> step.stage() == Stage.EXPERIMENT).findFirst().orElseThrow();
    }

    @Test
    void shouldSendNothingToTheHoldoutAndStillRecordItsDecision() {
        Experiment experiment = experiment(0.3, new Allocation.Fixed(), null, Variant.plain("control", 1),
                Variant.plain("other", 1));

        Recorder run = new Recorder(config(experiment)).run(LATER, carts(300));

        List<Decision> decisions = run.decisions("abandoned_cart");
        assertThat(decisions).hasSize(300).allSatisfy(decision -> assertThat(decision.assignment())
                .isEqualTo(experiment.assign(decision.userId(), experiment.weights())));
        List<Decision> held = run.suppressed(Reason.HOLDOUT);
        assertThat(held).hasSizeBetween(60, 120).allSatisfy(decision -> {
            assertThat(decision.assignment().isHoldout()).isTrue();
            assertThat(decision.isScheduled()).isFalse();
            assertThat(decision.trace()).last().satisfies(step -> {
                assertThat(step.stage()).isEqualTo(Stage.EXPERIMENT);
                assertThat(step.reason()).isEqualTo(Reason.HOLDOUT);
                assertThat(step.detail()).startsWith("experiment cart_copy: holdout (30.0% of users get no message)");
            });
            assertThat(decision.trace()).extracting(TraceStep::stage).contains(Stage.ELIGIBILITY, Stage.FATIGUE,
                    Stage.POLICY);
        });
        List<String> heldUsers = held.stream().map(Decision::userId).toList();
        assertThat(run.sent()).hasSize(300 - held.size())
                .noneMatch(sent -> heldUsers.contains(sent.message().userId()))
                .allSatisfy(sent -> assertThat(sent.decision().assignment().isHoldout()).isFalse());
    }

    @Test
    void shouldTreatAHoldoutAsMessagedForTheReentryRule() {
        Experiment experiment = experiment(0.5, new Allocation.Fixed(), null, Variant.plain("control", 1));
        String user = heldOut(experiment);

        Recorder run = new Recorder(config(experiment)).run(LATER.plus(Duration.ofHours(3)),
                add(user, "p1", T0), add(user, "p2", LATER));

        assertThat(run.decisions("abandoned_cart")).extracting(d -> d.findReason().orElse(null))
                .containsExactly(Reason.HOLDOUT, Reason.DUPLICATE);
    }

    /** The first of u0, u1, ... that the experiment holds out. */
    static String heldOut(Experiment experiment) {
        for (int i = 0;; i++) {
            if (experiment.assign("u" + i, experiment.weights()).isHoldout()) {
                return "u" + i;
            }
        }
    }

    /** The first of u0, u1, ... in the given variant. */
    static String inVariant(Experiment experiment, String variant) {
        for (int i = 0;; i++) {
            if (experiment.assign("u" + i, experiment.weights()).variant().equals(variant)) {
                return "u" + i;
            }
        }
    }

    /** What the policy alone decides for a user's cart. */
    static Action baseline(String user) {
        Recorder run = new Recorder(config()).run(LATER, add(user, "p1", T0));
        return run.decisions("abandoned_cart").get(0).action();
    }

    @Test
    void shouldSendTheVariantsContent() {
        Experiment experiment = experiment(0, new Allocation.Fixed(), null, Variant.plain("control", 1),
                new Variant("short_copy", 1, "short", null, Duration.ZERO));
        String treated = inVariant(experiment, "short_copy");
        String control = inVariant(experiment, "control");

        Recorder run = new Recorder(config(experiment)).run(LATER, add(treated, "p1", T0), add(control, "p1", T0));

        Decision decision = run.decisions("abandoned_cart").stream().filter(d -> d.userId().equals(treated))
                .findFirst().orElseThrow();
        assertThat(decision.action().variant()).isEqualTo("short");
        assertThat(experimentStep(decision).detail()).isEqualTo("experiment cart_copy: variant short_copy "
                + "(treatment, 50.0% planned); content short");
        assertThat(run.sent()).filteredOn(s -> s.message().userId().equals(treated)).singleElement()
                .satisfies(sent -> assertThat(sent.message().variant()).isEqualTo("short"));
        assertThat(run.sent()).filteredOn(s -> s.message().userId().equals(control)).singleElement()
                .satisfies(sent -> {
                    assertThat(sent.message().variant()).isEqualTo("default");
                    assertThat(sent.decision().assignment()).isEqualTo(new Assignment("cart_copy", "control"));
                });
    }

    @Test
    void shouldSendOnTheVariantsChannelWhenTheUserCanBeReachedThere() {
        Experiment probe = experiment(0, new Allocation.Fixed(), null, Variant.plain("control", 1),
                Variant.plain("forced", 1));
        String user = inVariant(probe, "forced");
        Action policy = baseline(user);
        Channel forced = policy.channel() == Channel.IN_APP ? Channel.EMAIL : Channel.IN_APP;
        Experiment experiment = experiment(0, new Allocation.Fixed(), null, Variant.plain("control", 1),
                new Variant("forced", 1, null, forced, Duration.ZERO));

        Recorder run = new Recorder(config(experiment)).run(LATER, add(user, "p1", T0));

        Decision decision = run.decisions("abandoned_cart").get(0);
        assertThat(decision.action().channel()).isEqualTo(forced);
        assertThat(decision.action().sendAt()).isEqualTo(policy.sendAt());
        assertThat(experimentStep(decision).detail()).endsWith("; channel " + forced);
        assertThat(run.sent()).singleElement().satisfies(s -> assertThat(s.message().channel()).isEqualTo(forced));
    }

    @Test
    void shouldKeepThePolicysChannelWhenTheUserCannotBeReachedOnTheVariants() {
        Experiment experiment = experiment(0, new Allocation.Fixed(), null, Variant.plain("control", 1),
                new Variant("by_sms", 1, null, Channel.SMS, Duration.ZERO));
        String user = inVariant(experiment, "by_sms");
        EngineConfig config = config(experiment).withNewUserProfile(Profile.EMPTY);

        Recorder run = new Recorder(config).run(LATER, identify(user, T0.minusSeconds(60), Map.of("email",
                "anna@example.com", "consent", Map.of("email", true, "sms", true))), add(user, "p1", T0));

        Decision decision = run.decisions("abandoned_cart").get(0);
        assertThat(decision.action().channel()).isEqualTo(Channel.EMAIL);
        assertThat(experimentStep(decision).detail()).contains("channel sms not usable (no phone number")
                .endsWith("so the policy's email is kept");
    }

    @Test
    void shouldDelayTheVariantsMessageWithinTheSendWindow() {
        Experiment probe = experiment(0, new Allocation.Fixed(), null, Variant.plain("control", 1),
                Variant.plain("later", 1));
        String user = inVariant(probe, "later");
        Action policy = baseline(user);
        Experiment experiment = experiment(0, new Allocation.Fixed(), null, Variant.plain("control", 1),
                new Variant("later", 1, null, null, Duration.ofMinutes(90)));
        Instant windowEnd = FIRED.plus(cart().urgency());

        Recorder run = new Recorder(config(experiment)).run(LATER, add(user, "p1", T0));

        Instant delayed = policy.sendAt().plus(Duration.ofMinutes(90));
        // a message expires at the window's end: a delayed one is sent by the last tenth of the window at the latest
        Instant latest = windowEnd.minus(cart().urgency().dividedBy(10));
        Instant expected = delayed.isAfter(latest) ? latest : delayed;
        Decision decision = run.decisions("abandoned_cart").get(0);
        assertThat(decision.action().sendAt()).isEqualTo(expected);
        assertThat(decision.action().channel()).isEqualTo(policy.channel());
        assertThat(experimentStep(decision).detail()).contains("delay 1h30m: " + expected);
        assertThat(run.sent()).singleElement().satisfies(s -> assertThat(s.message().sendAt()).isEqualTo(expected));
    }

    @Test
    void shouldAssignOnlyWhileTheExperimentRuns() {
        Experiment future = experiment(0.5, new Allocation.Fixed(), LATER, Variant.plain("control", 1));

        Recorder run = new Recorder(config(future)).run(LATER, carts(20));

        assertThat(run.decisions("abandoned_cart")).hasSize(20).allSatisfy(d -> {
            assertThat(d.assignment()).isNull();
            assertThat(d.trace()).extracting(TraceStep::stage).doesNotContain(Stage.EXPERIMENT);
        });
        assertThat(run.sent()).hasSize(20);
    }

    @Test
    void shouldKeepABanditsFirstAssignmentWhenTheWeightsMove() throws IOException {
        Experiment experiment = experiment(0, new Allocation.Bandit(0), null, Variant.plain("a", 1),
                Variant.plain("b", 1));
        AtomicReference<List<Double>> weights = new AtomicReference<>(List.of(1.0, 0.0));
        AllocationWeights provider = e -> weights.get();
        EngineConfig config = config(experiment).withAllocationWeights(provider);
        Recorder run = new Recorder(config).run(FIRED.plusSeconds(1), add("first", "p1", T0));
        ByteArrayOutputStream snapshot = new ByteArrayOutputStream();
        run.engine().snapshot(snapshot);
        weights.set(List.of(0.0, 1.0));
        List<Decision> later = new ArrayList<>();
        Engine restored = Engine.restore(config, effect -> {
            if (effect instanceof Effect.Decided decided) {
                later.add(decided.decision());
            }
        }, new ByteArrayInputStream(snapshot.toByteArray()));

        Instant nextDay = T0.plus(Duration.ofDays(1));
        restored.accept(order("first", LATER, "p1"));
        restored.accept(add("first", "p2", nextDay));
        restored.accept(add("second", "p2", nextDay));
        restored.advanceTo(nextDay.plus(Duration.ofHours(4)));

        assertThat(run.decisions("abandoned_cart")).singleElement().satisfies(d -> {
            assertThat(d.assignment().variant()).isEqualTo("a");
            assertThat(experimentStep(d).detail()).contains("bandit weights [1.000, 0.000]");
        });
        assertThat(restored.find("first").orElseThrow().findAssignment("cart_copy"))
                .hasValue(new Assignment("cart_copy", "a"));
        Decision again = later.stream().filter(d -> d.userId().equals("first")).findFirst().orElseThrow();
        assertThat(again.assignment().variant()).isEqualTo("a");
        assertThat(experimentStep(again).detail()).contains("kept from the first assignment");
        Decision second = later.stream().filter(d -> d.userId().equals("second")).findFirst().orElseThrow();
        assertThat(second.assignment().variant()).isEqualTo("b");
    }

    @Test
    void shouldKeepTheArmOfAScheduledMessageThroughASnapshot() throws IOException {
        Experiment experiment = experiment(0, new Allocation.Fixed(), null, Variant.plain("control", 1),
                new Variant("later", 1, null, null, Duration.ofMinutes(30)));
        String user = inVariant(experiment, "later");
        EngineConfig config = config(experiment);
        Recorder run = new Recorder(config).run(FIRED.plusSeconds(1), add(user, "p1", T0));
        ByteArrayOutputStream snapshot = new ByteArrayOutputStream();
        run.engine().snapshot(snapshot);
        List<Effect.Sent> sent = new ArrayList<>();

        Engine restored = Engine.restore(config, effect -> {
            if (effect instanceof Effect.Sent s) {
                sent.add(s);
            }
        }, new ByteArrayInputStream(snapshot.toByteArray()));
        restored.advanceTo(LATER);

        assertThat(run.sent()).isEmpty();
        assertThat(sent).singleElement().satisfies(s -> assertThat(s.decision().assignment())
                .isEqualTo(new Assignment("cart_copy", "later")));
    }
}
