package dev.herald.core;

/**
 * The root of Herald's own exceptions. Subclasses are named after the action that failed and carry what a reader
 * needs to fix it (a file and line, a field, an id).
 */
public class HeraldException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public HeraldException(String message) {
        super(message);
    }

    public HeraldException(String message, Throwable cause) {
        super(message, cause);
    }
}
