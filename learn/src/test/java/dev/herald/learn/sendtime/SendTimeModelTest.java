package dev.herald.learn.sendtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.herald.core.decision.QuietHours;
import dev.herald.core.policy.PolicyRequest;
import dev.herald.core.profile.Channel;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SendTimeModelTest {

    static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    static final Decay DECAY = Decay.DEFAULT;
    /** Monday 11 March 2024, the day the windows open; the histories are the four weeks before. */
    static final LocalDateTime MONDAY = LocalDateTime.parse("2024-03-11T00:00");

    static Instant paris(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(PARIS).toInstant();
    }

    /** Everyone engages a little at every hour and a lot at 10:00 local. */
    static PopulationPattern morningPopulation() {
        PopulationPattern population = new PopulationPattern(DECAY);
        for (int day = 1; day <= 28; day++) {
            for (int hour = 0; hour < 24; hour++) {
                Instant at = MONDAY.minusDays(day).withHour(hour).atZone(PARIS).toInstant();
                population.add(HourOfWeek.of(at, PARIS), hour == 10 ? 100.0 : 1.0, at);
            }
        }
        return population;
    }

    /** A user who clicks at 20:xx local on each of the given number of days before the window. */
    static EngagementClock eveningUser(PopulationPattern population, int days) {
        EngagementRecorder recorder = new EngagementRecorder(population, EngagementWeights.DEFAULT);
        EngagementClock clock = new EngagementClock();
        for (int day = 1; day <= days; day++) {
            recorder.record(clock, Engagement.CLICK, MONDAY.minusDays(day).withHour(20).withMinute(12)
                    .atZone(PARIS).toInstant(), PARIS);
        }
        return clock;
    }

    static PolicyRequest day(String start) {
        return Requests.window(paris(start), Duration.ofHours(24), PARIS).noQuietHours();
    }

    @Test
    void shouldFollowThePopulationWhenTheUserHasNoData() {
        SendTimeModel model = new SendTimeModel(morningPopulation(), SendTimeSettings.DEFAULT);

        List<ScoredSlot> slots = model.propose(day("2024-03-11T06:00"), Channel.EMAIL, new EngagementClock(), 3);

        assertThat(slots.get(0).at()).isEqualTo(paris("2024-03-11T10:00"));
        assertThat(slots.get(0).score()).isGreaterThan(slots.get(2).score());
    }

    @Test
    void shouldFollowTheUserWhenTheUserHasPlentyOfData() {
        PopulationPattern population = morningPopulation();
        EngagementClock user = eveningUser(population, 28);
        SendTimeModel model = new SendTimeModel(population, SendTimeSettings.DEFAULT);

        List<ScoredSlot> slots = model.propose(day("2024-03-11T06:00"), Channel.EMAIL, user, 1);

        assertThat(slots.get(0).at()).isEqualTo(paris("2024-03-11T20:00"));
        assertThat(slots.get(0).hour()).isEqualTo(new HourOfWeek(20));
    }

    @Test
    void shouldMoveFromThePopulationToTheUserAsTheStrengthFalls() {
        PopulationPattern population = morningPopulation();
        EngagementRecorder recorder = new EngagementRecorder(population, EngagementWeights.DEFAULT);
        EngagementClock user = new EngagementClock();
        recorder.record(user, Engagement.CLICK, paris("2024-03-04T20:12"), PARIS);
        PolicyRequest request = day("2024-03-11T06:00");

        ScoredSlot strong = new SendTimeModel(population, SendTimeSettings.DEFAULT.withStrength(100))
                .propose(request, Channel.EMAIL, user, 1).get(0);
        ScoredSlot weak = new SendTimeModel(population, SendTimeSettings.DEFAULT.withStrength(1))
                .propose(request, Channel.EMAIL, user, 1).get(0);

        assertThat(strong.at()).isEqualTo(paris("2024-03-11T10:00"));
        assertThat(weak.at()).isEqualTo(paris("2024-03-11T20:00"));
    }

    @Test
    void shouldUseTheUsersCountsOnlyWhenTheStrengthIsZero() {
        PopulationPattern population = morningPopulation();
        EngagementClock user = eveningUser(population, 1);
        SendTimeModel model = new SendTimeModel(population, SendTimeSettings.DEFAULT.withStrength(0));

        double[] pattern = model.pattern(user, paris("2024-03-11T06:00"));

        HourOfWeek sunday20 = new HourOfWeek(6 * 24 + 20);
        assertThat(pattern[sunday20.value()]).isCloseTo(0.5, within(1e-9));
        assertThat(pattern[sunday20.plus(-1).value()]).isCloseTo(0.25, within(1e-9));
        assertThat(pattern[sunday20.plus(1).value()]).isCloseTo(0.25, within(1e-9));
        assertThat(pattern[10]).isZero();
    }

    @Test
    void shouldShrinkTheUsersCountsTowardThePopulationWithStrengthK() {
        PopulationPattern population = morningPopulation();
        EngagementClock user = eveningUser(population, 5);
        Instant now = paris("2024-03-11T06:00");
        double strength = 7.5;
        SendTimeModel model = new SendTimeModel(population,
                new SendTimeSettings(strength, 0, Duration.ofMinutes(30)));

        double[] pattern = model.pattern(user, now);

        double[] counts = user.countsAt(now, DECAY);
        double total = Arrays.stream(counts).sum();
        double[] prior = population.probabilities();
        for (int hour = 0; hour < HourOfWeek.HOURS; hour++) {
            assertThat(pattern[hour]).isCloseTo((counts[hour] + strength * prior[hour]) / (total + strength),
                    within(1e-12));
        }
        assertThat(Arrays.stream(pattern).sum()).isCloseTo(1.0, within(1e-9));
    }

    @Test
    void shouldGiveTheEmptyUserThePopulationPatternEvenWithStrengthZero() {
        PopulationPattern population = morningPopulation();
        SendTimeModel model = new SendTimeModel(population, new SendTimeSettings(0, 0, Duration.ofHours(1)));

        double[] pattern = model.pattern(new EngagementClock(), paris("2024-03-11T06:00"));

        assertThat(pattern).containsExactly(population.probabilities(), within(1e-12));
    }

    @Test
    void shouldSmoothASingleHourOverItsNeighboursAroundTheWeek() {
        double[] values = new double[HourOfWeek.HOURS];
        values[0] = 1.0;

        double[] smoothed = SendTimeModel.smooth(values, 0.25);

        assertThat(smoothed[0]).isEqualTo(0.5);
        assertThat(smoothed[1]).isEqualTo(0.25);
        assertThat(smoothed[167]).isEqualTo(0.25);
        assertThat(Arrays.stream(smoothed).sum()).isCloseTo(1.0, within(1e-12));
    }

    @Test
    void shouldNeverProposeASlotInQuietHoursOrOutsideTheWindow() {
        List<ZoneId> zones = List.of(PARIS, ZoneId.of("America/New_York"), ZoneId.of("Asia/Kolkata"),
                ZoneId.of("Pacific/Auckland"), ZoneId.of("UTC"));
        PopulationPattern population = morningPopulation();
        SendTimeModel model = new SendTimeModel(population, SendTimeSettings.DEFAULT);
        Random random = new Random(20240311);

        for (int trial = 0; trial < 300; trial++) {
            Instant start = paris("2024-03-01T00:00").plusSeconds(random.nextInt(60 * 24 * 3600));
            Duration length = Duration.ofMinutes(random.nextInt(4 * 24 * 60));
            ZoneId zone = zones.get(random.nextInt(zones.size()));
            QuietHours quiet = random.nextBoolean() ? QuietHours.DEFAULT
                    : new QuietHours(LocalTime.of(12, 0), LocalTime.of(14, 30));
            PolicyRequest request = Requests.window(start, length, zone).quiet(Channel.SMS, quiet);

            List<ScoredSlot> slots = model.propose(request, Channel.SMS, eveningUser(population, trial % 10), 1000);

            String seen = "trial " + trial + ": " + start + " + " + length + " in " + zone + ", quiet " + quiet;
            for (ScoredSlot slot : slots) {
                assertThat(quiet.contains(slot.at(), zone)).as(seen + " slot " + slot).isFalse();
                assertThat(slot.at()).as(seen).isBetween(start, start.plus(length));
            }
            assertThat(slots).as(seen).isSortedAccordingTo((a, b) -> Double.compare(b.score(), a.score()));
        }
    }

    @Test
    void shouldProposeTheEveningBeforeQuietHoursToAUserWhoEngagesLate() {
        PopulationPattern population = morningPopulation();
        EngagementRecorder recorder = new EngagementRecorder(population, EngagementWeights.DEFAULT);
        EngagementClock user = new EngagementClock();
        for (int day = 1; day <= 28; day++) {
            recorder.record(user, Engagement.OPEN, MONDAY.minusDays(day).withHour(21).withMinute(40)
                    .atZone(PARIS).toInstant(), PARIS);
        }
        SendTimeModel model = new SendTimeModel(population, SendTimeSettings.DEFAULT);
        PolicyRequest request = Requests.window(paris("2024-03-11T06:00"), Duration.ofHours(24), PARIS)
                .quiet(Channel.PUSH, QuietHours.DEFAULT);

        List<ScoredSlot> slots = model.propose(request, Channel.PUSH, user, 1);

        assertThat(slots.get(0).at()).isEqualTo(paris("2024-03-11T20:00"));
    }

    @Test
    void shouldHandleAThirtyMinuteWindowAcrossAnHour() {
        PopulationPattern population = new PopulationPattern(DECAY);
        EngagementRecorder recorder = new EngagementRecorder(population, EngagementWeights.DEFAULT);
        EngagementClock user = new EngagementClock();
        for (int day = 1; day <= 28; day++) {
            recorder.record(user, Engagement.ORDER, MONDAY.minusDays(day).withHour(13).withMinute(5)
                    .atZone(PARIS).toInstant(), PARIS);
        }
        SendTimeModel model = new SendTimeModel(population, SendTimeSettings.DEFAULT);
        PolicyRequest request = Requests.window(paris("2024-03-11T12:50"), Duration.ofMinutes(30), PARIS)
                .noQuietHours();

        List<ScoredSlot> slots = model.propose(request, Channel.EMAIL, user, 10);

        assertThat(slots).extracting(ScoredSlot::at).containsExactlyInAnyOrder(paris("2024-03-11T12:50"),
                paris("2024-03-11T13:00"), paris("2024-03-11T13:20"));
        assertThat(slots.get(0).at()).isEqualTo(paris("2024-03-11T13:00"));
    }

    @Test
    void shouldAlwaysOfferTheEarliestAllowedTime() {
        PopulationPattern population = morningPopulation();
        SendTimeModel model = new SendTimeModel(population, SendTimeSettings.DEFAULT);
        PolicyRequest request = day("2024-03-11T06:00");

        List<ScoredSlot> slots = model.propose(request, Channel.EMAIL, new EngagementClock(), 1);

        assertThat(slots).extracting(ScoredSlot::at).containsExactly(paris("2024-03-11T10:00"),
                paris("2024-03-11T06:00"));
    }

    @Test
    void shouldOfferTheEndOfQuietHoursWhenTheWindowOpensInThem() {
        SendTimeModel model = new SendTimeModel(morningPopulation(), SendTimeSettings.DEFAULT);
        PolicyRequest request = Requests.window(paris("2024-03-11T22:00"), Duration.ofHours(24), PARIS)
                .quiet(Channel.SMS, QuietHours.DEFAULT);

        List<ScoredSlot> slots = model.propose(request, Channel.SMS, new EngagementClock(), 1000);

        assertThat(slots).extracting(ScoredSlot::at).contains(paris("2024-03-12T09:00"))
                .doesNotContain(paris("2024-03-11T22:00"));
        assertThat(slots.get(0).at()).isEqualTo(paris("2024-03-12T10:00"));
    }

    @Test
    void shouldFindTheBestDayInAWindowOfSeveralDays() {
        PopulationPattern population = morningPopulation();
        EngagementRecorder recorder = new EngagementRecorder(population, EngagementWeights.DEFAULT);
        EngagementClock user = new EngagementClock();
        for (int week = 1; week <= 4; week++) {
            Instant saturdayMorning = MONDAY.minusWeeks(week).plusDays(5).withHour(11).withMinute(30)
                    .atZone(PARIS).toInstant();
            for (int order = 0; order < 5; order++) {
                recorder.record(user, Engagement.ORDER, saturdayMorning, PARIS);
            }
        }
        SendTimeModel model = new SendTimeModel(population, SendTimeSettings.DEFAULT);
        PolicyRequest request = Requests.window(paris("2024-03-13T09:00"), Duration.ofDays(4), PARIS)
                .quiet(Channel.PUSH, QuietHours.DEFAULT);

        List<ScoredSlot> slots = model.propose(request, Channel.PUSH, user, 3);

        assertThat(slots.get(0).at()).isEqualTo(paris("2024-03-16T11:00"));
    }

    @Test
    void shouldProposeNothingWhenTheWholeWindowIsQuiet() {
        SendTimeModel model = new SendTimeModel(morningPopulation(), SendTimeSettings.DEFAULT);
        PolicyRequest request = Requests.window(paris("2024-03-11T22:00"), Duration.ofHours(1), PARIS)
                .quiet(Channel.SMS, QuietHours.DEFAULT);

        assertThat(model.propose(request, Channel.SMS, new EngagementClock(), 5)).isEmpty();
    }

    @Test
    void shouldRejectALimitBelowOne() {
        SendTimeModel model = new SendTimeModel(morningPopulation(), SendTimeSettings.DEFAULT);

        assertThatThrownBy(() -> model.propose(day("2024-03-11T06:00"), Channel.EMAIL, new EngagementClock(), 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("limit 0");
    }
}
