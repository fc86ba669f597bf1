package org.bossa.store;

/**
 * A state store operation failed: the store could not be opened, read or written, or a request
 * was refused (an exhausted id range, a conflicting record). The message names the store and
 * the operation; it never contains a secret value or a password hash.
 */
public class StateStoreException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public StateStoreException(String message) {
        super(message);
    }

    public StateStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
