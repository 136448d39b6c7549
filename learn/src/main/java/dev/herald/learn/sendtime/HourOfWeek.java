package dev.herald.learn.sendtime;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Objects;

/**
 * An hour of the week in a user's local time: 0 is Monday 00:00 to 00:59, 167 is Sunday 23:00 to 23:59. Across a
 * daylight-saving change the local wall clock decides, so 20:00 local is the same hour in winter and in summer.
 *
 * @param value 0 to 167
 */
public record HourOfWeek(int value) {

    /** The number of hours in a week. */
    public static final int HOURS = 168;

    public HourOfWeek {
        if (value < 0 || value >= HOURS) {
            throw new IllegalArgumentException("an hour of the week is 0 (Monday 00:00) to 167, got " + value);
        }
    }

    /** The hour of the week the instant falls in, in that time zone. */
    public static HourOfWeek of(Instant instant, ZoneId zone) {
        Objects.requireNonNull(instant, "instant");
        Objects.requireNonNull(zone, "zone");
        ZonedDateTime local = instant.atZone(zone);
        return new HourOfWeek((local.getDayOfWeek().getValue() - 1) * 24 + local.getHour());
    }

    /** The hour {@code offset} hours later, wrapping around the week (negative offsets go back). */
    public HourOfWeek plus(int offset) {
        return new HourOfWeek(Math.floorMod(value + offset, HOURS));
    }

    @Override
    public String toString() {
        String[] days = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
        return days[value / 24] + " " + String.format("%02d:00", value % 24);
    }
}
