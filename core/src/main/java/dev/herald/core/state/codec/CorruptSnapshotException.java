package dev.herald.core.state.codec;

import java.io.IOException;

/**
 * A snapshot or encoded state that cannot be read: truncated, of another format version, or holding a value no
 * writer produces. The message says what was being read, as a path such as
 * {@code users[41] (u12) > sends[0] > decision > occurrence > anchor}.
 */
public final class CorruptSnapshotException extends IOException {

    private static final long serialVersionUID = 1L;

    public CorruptSnapshotException(String message) {
        super(message);
    }

    public CorruptSnapshotException(String message, Throwable cause) {
        super(message, cause);
    }
}
