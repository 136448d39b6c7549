package dev.herald.server.segment;

/**
 * Stops reading a call at its first bad field. Internal to the parser; carries no stack trace, since it is a normal
 * outcome for bad input, not a bug.
 */
final class InvalidCall extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** The field's path inside the call, such as {@code properties.price}; {@code ""} for the call as a whole. */
    private final String path;

    InvalidCall(String path, String message) {
        super(message, null, false, false);
        this.path = path;
    }

    String path() {
        return path;
    }

    /** The reason as reported; {@code prefix} is the call's place in a batch (such as {@code batch[3]}), or "". */
    String describe(String prefix) {
        String field = prefix.isEmpty() ? path : path.isEmpty() ? prefix : prefix + "." + path;
        return field.isEmpty() ? getMessage() : "\"" + field + "\": " + getMessage();
    }
}
