package org.bossa.auth.spnego;

/** DER input that is malformed, not strict DER, or not the expected structure. */
public final class DerException extends Exception {
    public DerException(String message) {
        super(message, null, false, false);
    }
}
