package dev.herald.app.evaluate;

import dev.herald.core.HeraldException;

/**
 * A decision file for {@code herald evaluate} could not be read or checked. The message names the file and, for each
 * bad line, its number, the field and what to fix.
 */
public final class DecisionFileException extends HeraldException {

    private static final long serialVersionUID = 1L;

    /**
     * @param cause
     *            the failure underneath, or null
     */
    public DecisionFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
