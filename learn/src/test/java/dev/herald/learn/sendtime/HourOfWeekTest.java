package dev.herald.learn.sendtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class HourOfWeekTest {

    @Test
    void shouldStartTheWeekOnMondayMidnight() {
        Instant mondayMidnight = Instant.parse("2024-03-04T00:00:00Z");

        assertThat(HourOfWeek.of(mondayMidnight, ZoneOffset.UTC).value()).isZero();
        assertThat(HourOfWeek.of(mondayMidnight.minusSeconds(1), ZoneOffset.UTC).value()).isEqualTo(167);
    }

    @Test
    void shouldUseTheLocalTimeOfTheZone() {
        Instant instant = Instant.parse("2024-03-04T03:30:00Z");

        assertThat(HourOfWeek.of(instant, ZoneId.of("Europe/Paris")).value()).isEqualTo(4);
        assertThat(HourOfWeek.of(instant, ZoneId.of("America/New_York")).value()).isEqualTo(6 * 24 + 22);
        assertThat(HourOfWeek.of(instant, ZoneId.of("Asia/Kolkata")).value()).isEqualTo(9);
    }

    @Test
    void shouldKeepTheLocalWallClockAcrossDaylightSaving() {
        ZoneId paris = ZoneId.of("Europe/Paris");
        Instant winterEvening = Instant.parse("2024-03-18T19:00:00Z");
        Instant summerEvening = Instant.parse("2024-04-01T18:00:00Z");

        HourOfWeek winter = HourOfWeek.of(winterEvening, paris);
        HourOfWeek summer = HourOfWeek.of(summerEvening, paris);

        assertThat(winter).isEqualTo(summer);
        assertThat(winter.value()).isEqualTo(20);
    }

    @Test
    void shouldCountTheSkippedAndRepeatedHoursOnTheChangeDays() {
        ZoneId newYork = ZoneId.of("America/New_York");
        Instant beforeSpringForward = Instant.parse("2024-03-10T06:59:00Z");
        Instant afterSpringForward = Instant.parse("2024-03-10T07:00:00Z");
        Instant firstOneAm = Instant.parse("2024-11-03T05:30:00Z");
        Instant secondOneAm = Instant.parse("2024-11-03T06:30:00Z");

        assertThat(HourOfWeek.of(beforeSpringForward, newYork).value()).isEqualTo(6 * 24 + 1);
        assertThat(HourOfWeek.of(afterSpringForward, newYork).value()).isEqualTo(6 * 24 + 3);
        assertThat(HourOfWeek.of(firstOneAm, newYork)).isEqualTo(HourOfWeek.of(secondOneAm, newYork));
    }

    @Test
    void shouldWrapAroundTheWeek() {
        assertThat(new HourOfWeek(167).plus(1).value()).isZero();
        assertThat(new HourOfWeek(0).plus(-1).value()).isEqualTo(167);
    }

    @Test
    void shouldRejectHoursOutsideTheWeek() {
        assertThatThrownBy(() -> new HourOfWeek(168)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("168");
    }
}
