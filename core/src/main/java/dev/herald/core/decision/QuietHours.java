package dev.herald.core.decision;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Objects;

/**
 * A daily span of local time in which a channel does not disturb the user, such as 21:00 to 09:00. The span may
 * cross midnight. A send time inside it moves to one of its edges.
 */
public record QuietHours(LocalTime start, LocalTime end) {

    /** The default for SMS and push: 21:00 to 09:00 local time. */
    public static final QuietHours DEFAULT = new QuietHours(LocalTime.of(21, 0), LocalTime.of(9, 0));

    public QuietHours {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (start.equals(end)) {
            throw new IllegalArgumentException("quiet hours must not start and end at the same time: " + start);
        }
    }

    /** Whether the instant falls inside the quiet span in that time zone (start inclusive, end exclusive). */
    public boolean contains(Instant instant, ZoneId zone) {
        LocalTime time = instant.atZone(zone).toLocalTime();
        return start.isBefore(end)
                ? !time.isBefore(start) && time.isBefore(end)
                : !time.isBefore(start) || time.isBefore(end);
    }

    /** The end of the quiet span that contains the instant: the first moment after it when sending is allowed. */
    public Instant endOfSpan(Instant instant, ZoneId zone) {
        ZonedDateTime local = instant.atZone(zone);
        ZonedDateTime candidate = local.with(end).withSecond(0).withNano(0);
        if (!candidate.isAfter(local)) {
            candidate = local.plusDays(1).with(end).withSecond(0).withNano(0);
        }
        return candidate.toInstant();
    }

    /** The last allowed moment before the quiet span that contains the instant (one minute before its start). */
    public Instant beforeSpan(Instant instant, ZoneId zone) {
        ZonedDateTime local = instant.atZone(zone);
        ZonedDateTime candidate = local.with(start).withSecond(0).withNano(0);
        if (candidate.isAfter(local)) {
            candidate = local.minusDays(1).with(start).withSecond(0).withNano(0);
        }
        return candidate.minusMinutes(1).toInstant();
    }

    @Override
    public String toString() {
        return start + "-" + end;
    }
}
