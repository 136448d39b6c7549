package dev.herald.store;

import dev.herald.core.HeraldException;

/** The store could not do what was asked: the database is unreachable, a statement failed, or setup went wrong. */
public class StoreException extends HeraldException {

    private static final long serialVersionUID = 1L;

    public StoreException(String message) {
        super(message);
    }

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
