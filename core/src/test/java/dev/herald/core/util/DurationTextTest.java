package dev.herald.core.util;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DurationTextTest {

    @Test
    void shouldReadTheFormsAMarketerWrites() {
        assertThat(DurationText.parse("90s")).isEqualTo(Duration.ofSeconds(90));
        assertThat(DurationText.parse("1h30m")).isEqualTo(Duration.ofMinutes(90));
        assertThat(DurationText.parse("7d")).isEqualTo(Duration.ofDays(7));
        assertThat(DurationText.parse("2w")).isEqualTo(Duration.ofDays(14));
        assertThat(DurationText.parse("0")).isEqualTo(Duration.ZERO);
    }

    @Test
    void shouldSayWhatToWriteWhenTheTextIsNotADuration() {
        assertThatThrownBy(() -> DurationText.parse("soon")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("\"soon\" is not a duration; write a number and a unit: 90s, 30m, 1h, 1h30m, 7d or 2w");
        assertThatThrownBy(() -> DurationText.parse("1h and more")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldFormatWhatItParses() {
        assertThat(DurationText.format(Duration.ofMinutes(90))).isEqualTo("1h30m");
        assertThat(DurationText.format(Duration.ofDays(7))).isEqualTo("7d");
        assertThat(DurationText.parse(DurationText.format(Duration.ofSeconds(123_456)))).hasSeconds(123_456);
    }
}
