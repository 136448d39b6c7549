package dev.herald.learn.sendtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class EngagementClockTest {

    static final Instant T0 = Instant.parse("2024-03-04T20:15:00Z");
    static final Decay DECAY = new Decay(Duration.ofDays(28));
    static final HourOfWeek MONDAY_20 = new HourOfWeek(20);

    @Test
    void shouldHalveACountAfterOneHalfLife() {
        EngagementClock clock = new EngagementClock();

        clock.add(MONDAY_20, 3.0, T0, DECAY);

        assertThat(clock.countAt(MONDAY_20, T0, DECAY)).isCloseTo(3.0, within(1e-6));
        assertThat(clock.countAt(MONDAY_20, T0.plus(Duration.ofDays(28)), DECAY)).isCloseTo(1.5, within(1e-6));
        assertThat(clock.countAt(MONDAY_20, T0.plus(Duration.ofDays(56)), DECAY)).isCloseTo(0.75, within(1e-6));
    }

    @Test
    void shouldGiveTheSameCountsWhateverTheOrderOfArrival() {
        EngagementClock inOrder = new EngagementClock();
        EngagementClock late = new EngagementClock();
        Instant later = T0.plus(Duration.ofDays(10));

        inOrder.add(MONDAY_20, 1.0, T0, DECAY);
        inOrder.add(new HourOfWeek(21), 2.0, later, DECAY);
        late.add(new HourOfWeek(21), 2.0, later, DECAY);
        late.add(MONDAY_20, 1.0, T0, DECAY);

        Instant now = T0.plus(Duration.ofDays(40));
        double[] expected = inOrder.countsAt(now, DECAY);
        double[] actual = late.countsAt(now, DECAY);
        for (int hour = 0; hour < HourOfWeek.HOURS; hour++) {
            assertThat(actual[hour]).isCloseTo(expected[hour], within(1e-6));
        }
        assertThat(expected[20]).isCloseTo(Math.pow(0.5, 40.0 / 28), within(1e-6));
        assertThat(expected[21]).isCloseTo(2 * Math.pow(0.5, 30.0 / 28), within(1e-6));
    }

    @Test
    void shouldStaySparseForFewHoursAndKeepCountsWhenTurningDense() {
        EngagementClock clock = new EngagementClock();
        double[] expected = new double[HourOfWeek.HOURS];

        for (int hour = 0; hour < 32; hour++) {
            clock.add(new HourOfWeek(hour * 5), hour + 1, T0, DECAY);
            expected[hour * 5] = hour + 1;
        }
        boolean denseAt32 = clock.isDense();
        clock.add(new HourOfWeek(1), 7.0, T0, DECAY);
        expected[1] = 7.0;

        assertThat(denseAt32).isFalse();
        assertThat(clock.isDense()).isTrue();
        assertThat(clock.countsAt(T0, DECAY)).containsExactly(expected, within(1e-6));
    }

    @Test
    void shouldWeighEngagementKindsAndFeedThePopulation() {
        PopulationPattern population = new PopulationPattern(DECAY);
        EngagementRecorder recorder = new EngagementRecorder(population, EngagementWeights.DEFAULT);
        EngagementClock clock = new EngagementClock();

        recorder.record(clock, Engagement.ORDER, T0, ZoneOffset.UTC);
        recorder.record(clock, Engagement.CLICK, T0, ZoneOffset.UTC);
        recorder.record(clock, Engagement.OPEN, T0, ZoneOffset.UTC);
        recorder.record(clock, Engagement.SESSION, T0, ZoneOffset.ofHours(2));

        assertThat(clock.countAt(MONDAY_20, T0, DECAY)).isCloseTo(7.0, within(1e-6));
        assertThat(clock.countAt(new HourOfWeek(22), T0, DECAY)).isCloseTo(0.5, within(1e-6));
        assertThat(population.countsAt(T0)[20]).isCloseTo(7.0, within(1e-9));
        assertThat(Arrays.stream(population.probabilities()).sum()).isCloseTo(1.0, within(1e-9));
        assertThat(population.probabilities()[22]).isCloseTo(0.5 / 7.5, within(1e-9));
    }

    @Test
    void shouldBeUniformWhenThePopulationIsEmpty() {
        double[] probabilities = new PopulationPattern(DECAY).probabilities();

        assertThat(probabilities).containsOnly(1.0 / HourOfWeek.HOURS);
    }
}
