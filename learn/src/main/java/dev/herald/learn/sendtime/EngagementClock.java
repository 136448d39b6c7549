package dev.herald.learn.sendtime;

import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;

/**
 * One user's engagement by hour of the week: a weighted count per hour, decayed exponentially with time.
 *
 * <p>
 * Implementation notes: the counts are stored as they stand at a reference time (the latest engagement added). Adding
 * a later engagement first scales the stored counts to its time; adding an earlier one (a late event) scales its
 * weight to the reference time; reading scales to the time asked for. So nothing runs between events. A user with few
 * distinct hours keeps them sparse (hour numbers in a byte array, counts in a float array, growing 4, 8, 16, 32); past
 * 32 distinct hours the counts move to a dense float[168]. On a 64-bit JVM with compressed references a clock takes
 * 32 bytes empty, 88 bytes with up to 4 distinct hours, 104 with up to 8, 144 with up to 16, 224 with up to 32 and
 * 720 dense, whatever the number of events (docs/LEARNING.md).
 *
 * <p>
 * Not thread-safe: a user's engagements are expected to be added by one thread at a time (the user's partition).
 */
public final class EngagementClock {

    private static final int SPARSE_LIMIT = 32;
    private static final byte[] NO_HOURS = new byte[0];
    private static final float[] NO_COUNTS = new float[0];

    private long referenceSecond;
    private int size;
    private byte[] hours = NO_HOURS;
    private float[] counts = NO_COUNTS;

    /** A clock with no engagement yet. */
    public EngagementClock() {}

    /**
     * Adds an engagement of the given weight at the given hour and time.
     *
     * @throws IllegalArgumentException when the weight is negative or not finite
     */
    public void add(HourOfWeek hour, double weight, Instant at, Decay decay) {
        Objects.requireNonNull(hour, "hour");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(decay, "decay");
        if (!(weight >= 0) || Double.isInfinite(weight)) {
            throw new IllegalArgumentException("an engagement weight must be a finite number >= 0, got " + weight);
        }
        long second = at.getEpochSecond();
        if (isEmpty()) {
            referenceSecond = second;
        } else if (second > referenceSecond) {
            float factor = (float) decay.factor(referenceSecond, second);
            for (int i = 0; i < counts.length; i++) {
                counts[i] *= factor;
            }
            referenceSecond = second;
        } else if (second < referenceSecond) {
            weight *= decay.factor(second, referenceSecond);
        }
        addAtReference(hour.value(), (float) weight);
    }

    private void addAtReference(int hour, float weight) {
        if (hours == null) {
            counts[hour] += weight;
            return;
        }
        for (int i = 0; i < size; i++) {
            if ((hours[i] & 0xFF) == hour) {
                counts[i] += weight;
                return;
            }
        }
        if (size == SPARSE_LIMIT) {
            float[] dense = new float[HourOfWeek.HOURS];
            for (int i = 0; i < size; i++) {
                dense[hours[i] & 0xFF] = counts[i];
            }
            dense[hour] += weight;
            hours = null;
            counts = dense;
            size = HourOfWeek.HOURS;
            return;
        }
        if (size == hours.length) {
            int capacity = Math.max(4, size * 2);
            hours = Arrays.copyOf(hours, capacity);
            counts = Arrays.copyOf(counts, capacity);
        }
        hours[size] = (byte) hour;
        counts[size] = weight;
        size++;
    }

    /** Whether no engagement was ever added. */
    public boolean isEmpty() {
        return size == 0;
    }

    /** Whether the counts are held in the dense form (more than 32 distinct hours). */
    public boolean isDense() {
        return hours == null;
    }

    /** The decayed counts per hour of the week as they stand at {@code now}: a fresh array of 168 values. */
    public double[] countsAt(Instant now, Decay decay) {
        double[] result = new double[HourOfWeek.HOURS];
        if (isEmpty()) {
            return result;
        }
        double factor = decay.factor(referenceSecond, now.getEpochSecond());
        if (hours == null) {
            for (int hour = 0; hour < HourOfWeek.HOURS; hour++) {
                result[hour] = counts[hour] * factor;
            }
        } else {
            for (int i = 0; i < size; i++) {
                result[hours[i] & 0xFF] = counts[i] * factor;
            }
        }
        return result;
    }

    /** The decayed count of one hour at {@code now}. */
    public double countAt(HourOfWeek hour, Instant now, Decay decay) {
        return countsAt(now, decay)[hour.value()];
    }

    /** The decayed total over the week at {@code now}. */
    public double totalAt(Instant now, Decay decay) {
        double total = 0;
        for (double count : countsAt(now, decay)) {
            total += count;
        }
        return total;
    }
}
