package dev.herald.core.time;

import static dev.herald.core.testing.Events.add;
import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.core.engine.EngineConfig;
import dev.herald.core.policy.SeedPolicy;
import dev.herald.core.profile.Profile;
import dev.herald.core.testing.Recorder;
import dev.herald.core.testing.TestTriggers;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** Engine time is a port: the same engine fires the same waits whether a wall clock or event time drives it. */
class EngineClockTest {

    static final Instant T0 = Instant.parse("2024-03-04T10:00:00Z");

    static Recorder recorder() {
        return new Recorder(EngineConfig.defaults(TestTriggers.shipped(), new SeedPolicy())
                .withNewUserProfile(Profile.ASSUMED_REACHABLE));
    }

    @Test
    void shouldFireAWaitWhenTheWallClockPassesIt() {
        Recorder run = recorder();
        run.engine().accept(add("u1", "p1", T0));

        run.engine().tick(EngineClock.wall(Clock.fixed(T0.plus(Duration.ofMinutes(59)), ZoneOffset.UTC)));
        int before = run.decisions().size();
        run.engine().tick(EngineClock.wall(Clock.fixed(T0.plus(Duration.ofMinutes(61)), ZoneOffset.UTC)));

        assertThat(before).isZero();
        assertThat(run.decisions("abandoned_cart")).hasSize(1);
    }

    @Test
    void shouldFollowTheLatestEventTimeAndNeverGoBack() {
        EngineClock.EventTime clock = EngineClock.eventTime();

        clock.observe(T0.plus(Duration.ofHours(2)));
        clock.observe(T0);

        assertThat(clock.now()).isEqualTo(T0.plus(Duration.ofHours(2)));
    }

    @Test
    void shouldDecideTheSameUnderEitherClock() {
        Recorder wall = recorder();
        Recorder events = recorder();
        EngineClock.EventTime eventTime = EngineClock.eventTime();

        wall.engine().accept(add("u1", "p1", T0));
        wall.engine().tick(EngineClock.wall(Clock.fixed(T0.plus(Duration.ofHours(3)), ZoneOffset.UTC)));
        events.engine().accept(add("u1", "p1", T0));
        eventTime.observe(T0.plus(Duration.ofHours(3)));
        events.engine().tick(eventTime);

        assertThat(events.effects()).isEqualTo(wall.effects()).isNotEmpty();
    }
}
