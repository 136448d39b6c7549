package dev.herald.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.core.policy.SeedPolicy;
import dev.herald.core.testing.Events;
import dev.herald.core.testing.Recorder;
import dev.herald.core.testing.TestTriggers;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class EngineForgetTest {

    static final Instant T0 = Instant.parse("2024-03-04T10:00:00Z");

    @Test
    void shouldForgetAUserWithTheirWaitsSoNothingFiresForThem() {
        Recorder run = new Recorder(EngineConfig.defaults(TestTriggers.shipped(), new SeedPolicy())
                .withLateness(Duration.ZERO));
        run.engine().accept(Events.add("u1", "p1", T0));
        run.engine().accept(Events.add("u2", "p1", T0));

        boolean forgot = run.engine().forget("u1");
        run.engine().advanceTo(T0.plus(Duration.ofDays(10)));

        assertThat(forgot).isTrue();
        assertThat(run.engine().find("u1")).isEmpty();
        assertThat(run.decisions()).extracting(d -> d.userId()).containsOnly("u2").isNotEmpty();
        assertThat(run.engine().forget("u1")).isFalse();
    }
}
