package dev.herald.core.state.codec;

import dev.herald.core.state.Times;
import java.io.DataOutput;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Writes the primitives of Herald's binary snapshot format to a {@link DataOutput}, buffered: call {@link #flush()}
 * at the end. {@link SnapshotInput} reads them back.
 *
 * <ul>
 *   <li>counts and lengths are unsigned LEB128 varints; other ints and longs are zigzag varints;
 *   <li>times ({@code long} epoch milliseconds) are varints with {@link Times#NEVER} and {@link Times#NONE_DUE}
 *       as one-byte codes; instants are epoch seconds and nanoseconds, the latter packed as milliseconds when whole;
 *   <li>doubles are their IEEE 754 bits; decimals are a scale and the unscaled value's two's-complement bytes;
 *   <li>text is length-prefixed, each UTF-16 {@code char} as one to three bytes as in UTF-8 (a surrogate pair as
 *       two three-byte chars, as CESU-8 does), so any Java string, even one with an unpaired surrogate, comes back
 *       equal; {@link #shared} text and {@link #sharedValue shared}
 *       values are written once per output and referred to by number afterwards.
 * </ul>
 *
 * <p>The bytes depend only on the values written and their order, so the same values give the same bytes.
 *
 * <p>Not thread-safe.
 */
public final class SnapshotOutput {

    private final DataOutput out;
    private final byte[] buffer = new byte[1 << 13];
    private int position;
    private final Map<String, Integer> strings = new HashMap<>();
    private final Map<Object, Integer> values = new HashMap<>();

    public SnapshotOutput(DataOutput out) {
        this.out = out;
    }

    /** Writes what is buffered to the underlying output. */
    public void flush() throws IOException {
        out.write(buffer, 0, position);
        position = 0;
    }

    private void room(int bytes) throws IOException {
        if (position + bytes > buffer.length) {
            flush();
        }
    }

    /** One byte, {@code 0} to {@code 255}. */
    public void u8(int value) throws IOException {
        room(1);
        buffer[position++] = (byte) value;
    }

    public void bool(boolean value) throws IOException {
        u8(value ? 1 : 0);
    }

    /** A count or a length: a non-negative int. */
    public void count(int value) throws IOException {
        if (value < 0) {
            throw new IllegalArgumentException("a count must not be negative, got " + value);
        }
        unsigned(value);
    }

    /** Any int. */
    public void integer(int value) throws IOException {
        unsigned(((long) value << 1 ^ value >> 31) & 0xffff_ffffL);
    }

    /** Any long. */
    public void number(long value) throws IOException {
        unsigned(value << 1 ^ value >> 63);
    }

    /** A time in epoch milliseconds, {@link Times#NEVER} or {@link Times#NONE_DUE}. */
    public void time(long value) throws IOException {
        if (value == Times.NEVER) {
            unsigned(0);
        } else if (value == Times.NONE_DUE) {
            unsigned(1);
        } else {
            unsigned((value << 1 ^ value >> 63) + 2);
        }
    }

    public void instant(Instant value) throws IOException {
        number(value.getEpochSecond());
        int nanos = value.getNano();
        count(nanos % 1_000_000 == 0 ? nanos / 1_000_000 << 1 : nanos << 1 | 1);
    }

    public void float64(double value) throws IOException {
        long bits = Double.doubleToRawLongBits(value);
        room(8);
        for (int shift = 56; shift >= 0; shift -= 8) {
            buffer[position++] = (byte) (bits >>> shift);
        }
    }

    public void float32(float value) throws IOException {
        int bits = Float.floatToRawIntBits(value);
        room(4);
        for (int shift = 24; shift >= 0; shift -= 8) {
            buffer[position++] = (byte) (bits >>> shift);
        }
    }

    /** An integer of up to {@link SnapshotFormat#MAX_INTEGER_BYTES} bytes. */
    public void bigInteger(BigInteger value) throws IOException {
        byte[] bytes = value.toByteArray();
        if (bytes.length > SnapshotFormat.MAX_INTEGER_BYTES) {
            throw new IllegalArgumentException("an integer of " + bytes.length + " bytes is over the limit of "
                    + SnapshotFormat.MAX_INTEGER_BYTES);
        }
        bytes(bytes);
    }

    public void decimal(BigDecimal value) throws IOException {
        integer(value.scale());
        bigInteger(value.unscaledValue());
    }

    /** A decimal or {@code null}. */
    public void optionalDecimal(BigDecimal value) throws IOException {
        bool(value != null);
        if (value != null) {
            decimal(value);
        }
    }

    /** Text written in full each time: for values unlikely to repeat, such as ids. */
    public void string(String value) throws IOException {
        int length = value.length();
        long bytes = length;
        for (int i = 0; i < length; i++) {
            char c = value.charAt(i);
            if (c >= 0x80) {
                bytes += c < 0x800 ? 1 : 2;
            }
        }
        if (bytes > SnapshotFormat.MAX_TEXT_BYTES) {
            throw new IllegalArgumentException("text of " + bytes + " bytes is over the limit of "
                    + SnapshotFormat.MAX_TEXT_BYTES);
        }
        count((int) bytes);
        for (int i = 0; i < length; i++) {
            char c = value.charAt(i);
            room(3);
            if (c < 0x80) {
                buffer[position++] = (byte) c;
            } else if (c < 0x800) {
                buffer[position++] = (byte) (0xc0 | c >> 6);
                buffer[position++] = (byte) (0x80 | c & 0x3f);
            } else {
                buffer[position++] = (byte) (0xe0 | c >> 12);
                buffer[position++] = (byte) (0x80 | c >> 6 & 0x3f);
                buffer[position++] = (byte) (0x80 | c & 0x3f);
            }
        }
    }

    /**
     * Text likely to repeat (product names, trigger ids, scope keys): in full the first time, as {@code 0} and the
     * text, and afterwards as its number plus one.
     */
    public void shared(String value) throws IOException {
        Integer known = strings.putIfAbsent(value, strings.size());
        if (known != null) {
            count(known + 1);
        } else {
            count(0);
            string(value);
        }
    }

    /**
     * Starts a value likely to repeat (a product): returns {@code true} when the caller is to write it in full
     * (this output writes {@code 0} first), or writes its number plus one and returns {@code false}. Values are
     * told apart by {@code equals}.
     */
    public boolean sharedValue(Object value) throws IOException {
        Integer known = values.putIfAbsent(value, values.size());
        if (known != null) {
            count(known + 1);
            return false;
        }
        count(0);
        return true;
    }

    private void bytes(byte[] value) throws IOException {
        count(value.length);
        if (value.length > buffer.length - position) {
            flush();
            out.write(value);
        } else {
            System.arraycopy(value, 0, buffer, position, value.length);
            position += value.length;
        }
    }

    private void unsigned(long value) throws IOException {
        room(10);
        long rest = value;
        while ((rest & ~0x7fL) != 0) {
            buffer[position++] = (byte) (rest & 0x7f | 0x80);
            rest >>>= 7;
        }
        buffer[position++] = (byte) rest;
    }
}
