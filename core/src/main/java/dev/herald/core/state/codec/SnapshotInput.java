package dev.herald.core.state.codec;

import dev.herald.core.state.Times;
import java.io.DataInput;
import java.io.EOFException;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads what {@link SnapshotOutput} wrote. Every read names the field it reads, and the caller marks the records
 * and list elements it is inside ({@link #enter}, {@link #at}, {@link #leave}), so that a truncated or corrupt input
 * fails with a {@link CorruptSnapshotException} saying where, for example {@code reading users[41] (u12) > cart >
 * items[2] > product > price}.
 *
 * <p>A bad length never makes it loop long or allocate much: counts are checked against limits the caller gives,
 * lists grow as their elements actually arrive, and text is read in chunks before it is decoded.
 *
 * <p>Not thread-safe.
 */
public final class SnapshotInput {

    private static final int CHUNK = 1 << 13;

    private final DataInput in;
    private final byte[] scratch = new byte[CHUNK];
    private char[] chars = new char[256];
    private final List<String> strings = new ArrayList<>();
    private final List<Object> values = new ArrayList<>();
    private String[] frames = new String[16];
    private int[] indexes = new int[16];
    private String[] details = new String[16];
    private int depth;
    private int version = SnapshotFormat.VERSION;

    public SnapshotInput(DataInput in) {
        this.in = in;
    }

    /** The format version being read: the header's, once {@link SnapshotFormat#readHeader} read it. */
    public int version() {
        return version;
    }

    void version(int formatVersion) {
        this.version = formatVersion;
    }

    // Where the reader is.

    /** Starts reading a record or a list. */
    public void enter(String what) {
        if (depth == frames.length) {
            frames = Arrays.copyOf(frames, depth * 2);
            indexes = Arrays.copyOf(indexes, depth * 2);
            details = Arrays.copyOf(details, depth * 2);
        }
        frames[depth] = what;
        indexes[depth] = -1;
        details[depth] = null;
        depth++;
    }

    /** Marks the element of the current list being read. */
    public void at(int index) {
        if (depth > 0) {
            indexes[depth - 1] = index;
            details[depth - 1] = null;
        }
    }

    /** Names the current element, for messages (a user's id, say). */
    public void detail(String text) {
        if (depth > 0) {
            details[depth - 1] = text;
        }
    }

    /** Ends what {@link #enter} started. */
    public void leave() {
        depth--;
    }

    /** Where the reader is, ending with a field: {@code users[41] (u12) > cart > key}. */
    public String where(String field) {
        StringBuilder path = new StringBuilder();
        for (int i = 0; i < depth; i++) {
            path.append(frames[i]);
            if (indexes[i] >= 0) {
                path.append('[').append(indexes[i]).append(']');
            }
            if (details[i] != null) {
                path.append(" (").append(details[i]).append(')');
            }
            path.append(" > ");
        }
        return path.append(field).toString();
    }

    /** An error about the field being read. */
    public CorruptSnapshotException corrupt(String field, String problem) {
        return new CorruptSnapshotException("corrupt snapshot: " + problem + ", reading " + where(field));
    }

    /** An error about a record that could not be built from the values read (a constructor refused them). */
    public CorruptSnapshotException invalid(String record, RuntimeException cause) {
        return new CorruptSnapshotException("corrupt snapshot: invalid " + record + " (" + cause.getMessage()
                + "), reading " + where(record), cause);
    }

    private CorruptSnapshotException truncated(String field, EOFException cause) {
        return new CorruptSnapshotException("snapshot is truncated: it ends while reading " + where(field), cause);
    }

    // Primitives.

    /** One byte, {@code 0} to {@code 255}. */
    public int u8(String field) throws IOException {
        try {
            return in.readUnsignedByte();
        } catch (EOFException e) {
            throw truncated(field, e);
        }
    }

    public boolean bool(String field) throws IOException {
        int value = u8(field);
        if (value > 1) {
            throw corrupt(field, "expected a boolean (0 or 1), got " + value);
        }
        return value == 1;
    }

    /** A count or a length, at most {@code max}. */
    public int count(String field, int max) throws IOException {
        long value = unsigned(field);
        if (value < 0 || value > max) {
            throw corrupt(field, "count " + Long.toUnsignedString(value) + " is over the limit of " + max);
        }
        return (int) value;
    }

    public int integer(String field) throws IOException {
        long value = unsigned(field);
        if ((value & ~0xffff_ffffL) != 0) {
            throw corrupt(field, "value " + Long.toUnsignedString(value) + " does not fit an int");
        }
        int bits = (int) value;
        return bits >>> 1 ^ -(bits & 1);
    }

    public long number(String field) throws IOException {
        long value = unsigned(field);
        return value >>> 1 ^ -(value & 1);
    }

    /** A time in epoch milliseconds, {@link Times#NEVER} or {@link Times#NONE_DUE}. */
    public long time(String field) throws IOException {
        long value = unsigned(field);
        if (value == 0) {
            return Times.NEVER;
        }
        if (value == 1) {
            return Times.NONE_DUE;
        }
        long zigzag = value - 2;
        return zigzag >>> 1 ^ -(zigzag & 1);
    }

    public Instant instant(String field) throws IOException {
        long seconds = number(field);
        int packed = count(field, Integer.MAX_VALUE);
        long nanos = (packed & 1) == 0 ? (packed >>> 1) * 1_000_000L : packed >>> 1;
        if (nanos >= 1_000_000_000L) {
            throw corrupt(field, "nanoseconds " + nanos + " are not under a second");
        }
        try {
            return Instant.ofEpochSecond(seconds, nanos);
        } catch (DateTimeException e) {
            throw corrupt(field, "instant out of range (" + e.getMessage() + ")");
        }
    }

    public double float64(String field) throws IOException {
        try {
            return in.readDouble();
        } catch (EOFException e) {
            throw truncated(field, e);
        }
    }

    public float float32(String field) throws IOException {
        try {
            return in.readFloat();
        } catch (EOFException e) {
            throw truncated(field, e);
        }
    }

    /** An integer of up to {@link SnapshotFormat#MAX_INTEGER_BYTES} bytes. */
    public BigInteger bigInteger(String field) throws IOException {
        int length = count(field, SnapshotFormat.MAX_INTEGER_BYTES);
        if (length == 0) {
            throw corrupt(field, "an integer needs at least one byte");
        }
        return new BigInteger(bytes(field, length));
    }

    public BigDecimal decimal(String field) throws IOException {
        int scale = integer(field);
        return new BigDecimal(bigInteger(field), scale);
    }

    /** A decimal or {@code null}. */
    public BigDecimal optionalDecimal(String field) throws IOException {
        return bool(field) ? decimal(field) : null;
    }

    /** Text written with {@link SnapshotOutput#string}. */
    public String string(String field) throws IOException {
        int length = count(field, SnapshotFormat.MAX_TEXT_BYTES);
        byte[] bytes = length <= CHUNK ? scratch : null;
        if (bytes != null) {
            read(field, bytes, 0, length);
        } else {
            bytes = bytes(field, length);
        }
        if (chars.length < length) {
            chars = new char[Math.max(length, chars.length * 2)];
        }
        int count = 0;
        int i = 0;
        while (i < length) {
            int b = bytes[i++] & 0xff;
            if (b < 0x80) {
                chars[count++] = (char) b;
            } else if ((b & 0xe0) == 0xc0 && i < length && (bytes[i] & 0xc0) == 0x80 && b >= 0xc2) {
                chars[count++] = (char) ((b & 0x1f) << 6 | bytes[i++] & 0x3f);
            } else if ((b & 0xf0) == 0xe0 && i + 1 < length && (bytes[i] & 0xc0) == 0x80
                    && (bytes[i + 1] & 0xc0) == 0x80 && (b > 0xe0 || (bytes[i] & 0xff) >= 0xa0)) {
                chars[count++] = (char) ((b & 0x0f) << 12 | (bytes[i] & 0x3f) << 6 | bytes[i + 1] & 0x3f);
                i += 2;
            } else {
                throw corrupt(field, "malformed text at byte " + (i - 1) + " of " + length);
            }
        }
        return new String(chars, 0, count);
    }

    /** Text written with {@link SnapshotOutput#shared(String)}. */
    public String shared(String field) throws IOException {
        int reference = count(field, strings.size());
        if (reference == 0) {
            String value = string(field);
            strings.add(value);
            return value;
        }
        return strings.get(reference - 1);
    }

    /**
     * Starts a value written with {@link SnapshotOutput#sharedValue}: returns the value read before, or
     * {@code null} when it follows in full; then read it and pass it to {@link #remember}. Shared values must not
     * nest.
     */
    public <T> T sharedValue(String field, Class<T> type) throws IOException {
        int reference = count(field, values.size());
        if (reference == 0) {
            return null;
        }
        Object value = values.get(reference - 1);
        if (!type.isInstance(value)) {
            throw corrupt(field, "reference " + reference + " is not a " + type.getSimpleName());
        }
        return type.cast(value);
    }

    /** Remembers a shared value read in full, so later references find it; returns it. */
    public <T> T remember(T value) {
        values.add(value);
        return value;
    }

    /** A list of {@code count} elements grows as they arrive: no more room is taken up front than a few need. */
    public static <T> List<T> listFor(int count) {
        return new ArrayList<>(Math.min(count, 16));
    }

    private byte[] bytes(String field, int length) throws IOException {
        if (length <= CHUNK) {
            byte[] bytes = new byte[length];
            read(field, bytes, 0, length);
            return bytes;
        }
        byte[] bytes = new byte[CHUNK];
        int filled = 0;
        while (filled < length) {
            if (filled == bytes.length) {
                bytes = Arrays.copyOf(bytes, (int) Math.min(length, 2L * bytes.length));
            }
            int part = Math.min(bytes.length, length) - filled;
            read(field, bytes, filled, part);
            filled += part;
        }
        return bytes;
    }

    private void read(String field, byte[] into, int offset, int length) throws IOException {
        try {
            in.readFully(into, offset, length);
        } catch (EOFException e) {
            throw truncated(field, e);
        }
    }

    private long unsigned(String field) throws IOException {
        long value = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            int b = u8(field);
            if (shift == 63 && b > 1) {
                throw corrupt(field, "varint longer than 64 bits");
            }
            value |= (long) (b & 0x7f) << shift;
            if (b < 0x80) {
                return value;
            }
        }
        throw corrupt(field, "varint longer than 64 bits");
    }
}
