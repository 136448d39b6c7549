package dev.herald.core.state.codec;

import java.io.IOException;

/**
 * The header every snapshot starts with: the format version byte, then a byte saying what follows (an engine, a
 * user state). A reader refuses a version it does not know rather than guess; it reads the older versions it knows,
 * and the readers of the parts added since look at {@link SnapshotInput#version()}.
 *
 * <p>Versions: 1, the first; 2 adds a decision's experiment arm and a user's remembered experiment arms.
 */
public final class SnapshotFormat {

    /** The version this build writes. */
    public static final int VERSION = 2;

    /** The oldest version this build reads. */
    public static final int OLDEST = 1;

    /** The longest text a snapshot holds, in bytes as written. */
    public static final int MAX_TEXT_BYTES = 1 << 26;

    /** The most bytes of an integer (a decimal's unscaled value, a big integer trait). */
    public static final int MAX_INTEGER_BYTES = 1 << 10;

    private SnapshotFormat() {}

    /** Writes the version and the kind of snapshot. */
    public static void writeHeader(SnapshotOutput out, int kind) throws IOException {
        out.u8(VERSION);
        out.u8(kind);
    }

    /**
     * Reads and checks the version and the kind.
     *
     * @param what what the kind stands for, for the message when it is another, such as {@code "an engine snapshot"}
     */
    public static void readHeader(SnapshotInput in, int kind, String what) throws IOException {
        int version = in.u8("format version");
        if (version < OLDEST || version > VERSION) {
            throw in.corrupt("format version", "unsupported format version " + version + " (this build reads versions "
                    + OLDEST + " to " + VERSION + ")");
        }
        in.version(version);
        int found = in.u8("kind");
        if (found != kind) {
            throw in.corrupt("kind", "this is not " + what + " (kind byte " + found + ", expected " + kind + ")");
        }
    }
}
