package dev.herald.core.engine;

import static dev.herald.core.testing.Events.add;
import static dev.herald.core.testing.Events.order;
import static dev.herald.core.testing.Events.view;
import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.core.policy.SeedPolicy;
import dev.herald.core.profile.Profile;
import dev.herald.core.testing.Recorder;
import dev.herald.core.testing.TestTriggers;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Events are processed in event time: out of order within the lateness is fine; later ones are reported. */
class EventOrderTest {

    static final Instant T0 = Instant.parse("2024-03-04T10:00:00Z");

    static Recorder recorder(Duration lateness) {
        return new Recorder(EngineConfig.defaults(TestTriggers.shipped(), new SeedPolicy())
                .withNewUserProfile(Profile.ASSUMED_REACHABLE).withLateness(lateness));
    }

    @Test
    void shouldProcessAnEventThatArrivesLateWithinTheLatenessInItsPlace() {
        Recorder run = recorder(Duration.ofMinutes(30));

        run.run(T0.plus(Duration.ofHours(4)), add("u1", "p1", T0), view("u1", "p9", T0.plus(Duration.ofMinutes(40))),
                order("u1", T0.plus(Duration.ofMinutes(20)), "p1"));

        assertThat(run.decisions("abandoned_cart")).isEmpty();
        assertThat(run.engine().lateCount()).isZero();
    }

    @Test
    void shouldReportAnEventLaterThanTheLatenessAndNotProcessIt() {
        Recorder run = recorder(Duration.ofMinutes(30));

        run.run(T0.plus(Duration.ofHours(4)), add("u1", "p1", T0), view("u1", "p9", T0.plus(Duration.ofMinutes(90))),
                order("u1", T0.plus(Duration.ofMinutes(20)), "p1"));

        assertThat(run.engine().lateCount()).isEqualTo(1);
        assertThat(run.effects()).filteredOn(Effect.Late.class::isInstance).singleElement()
                .satisfies(e -> assertThat(((Effect.Late) e).event().type().displayName())
                        .isEqualTo("Order Completed"));
        assertThat(run.decisions("abandoned_cart")).hasSize(1);
    }

    @Test
    void shouldSortEverythingWithUnboundedLateness() {
        Recorder run = recorder(null);

        run.engine().accept(view("u1", "p9", T0.plus(Duration.ofDays(2))));
        run.engine().accept(order("u1", T0.plus(Duration.ofMinutes(20)), "p1"));
        run.engine().accept(add("u1", "p1", T0));
        run.engine().flush();

        assertThat(run.engine().lateCount()).isZero();
        assertThat(run.decisions("abandoned_cart")).isEmpty();
    }
}
