package dev.herald.core.decision;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class QuietHoursTest {

    static final ZoneId UTC = ZoneId.of("UTC");

    @Test
    void shouldSpanMidnight() {
        assertThat(QuietHours.DEFAULT.contains(Instant.parse("2024-03-04T21:00:00Z"), UTC)).isTrue();
        assertThat(QuietHours.DEFAULT.contains(Instant.parse("2024-03-05T03:00:00Z"), UTC)).isTrue();
        assertThat(QuietHours.DEFAULT.contains(Instant.parse("2024-03-05T09:00:00Z"), UTC)).isFalse();
        assertThat(QuietHours.DEFAULT.contains(Instant.parse("2024-03-04T20:59:00Z"), UTC)).isFalse();
    }

    @Test
    void shouldFindTheEdgesOfTheSpan() {
        Instant night = Instant.parse("2024-03-04T23:30:00Z");

        assertThat(QuietHours.DEFAULT.endOfSpan(night, UTC)).isEqualTo(Instant.parse("2024-03-05T09:00:00Z"));
        assertThat(QuietHours.DEFAULT.beforeSpan(night, UTC)).isEqualTo(Instant.parse("2024-03-04T20:59:00Z"));
        assertThat(QuietHours.DEFAULT.endOfSpan(Instant.parse("2024-03-05T02:00:00Z"), UTC))
                .isEqualTo(Instant.parse("2024-03-05T09:00:00Z"));
    }

    @Test
    void shouldUseTheUsersLocalTime() {
        ZoneId moscow = ZoneId.of("Europe/Moscow");

        assertThat(QuietHours.DEFAULT.contains(Instant.parse("2024-03-04T19:00:00Z"), moscow)).isTrue();
        assertThat(QuietHours.DEFAULT.contains(Instant.parse("2024-03-04T19:00:00Z"), UTC)).isFalse();
    }
}
