package dev.herald.core.state;

/** Epoch-millisecond times in the compact state; {@link #NEVER} stands for "has not happened". */
public final class Times {

    /** A time that never happened; earlier than every real time. */
    public static final long NEVER = Long.MIN_VALUE;

    /** No time due; later than every real time. */
    public static final long NONE_DUE = Long.MAX_VALUE;

    private Times() {}

    /** Whether {@code time} happened and lies within {@code windowMillis} before {@code now} (inclusive). */
    public static boolean within(long time, long now, long windowMillis) {
        return time != NEVER && time <= now && now - time <= windowMillis;
    }
}
