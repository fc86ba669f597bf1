package org.bossa.domain.locator;

/**
 * The DC locator could not deliver: the cause says which step failed, the message names exactly
 * what (the DNS name and server, the DC and its address, the time limit) in one line.
 */
public final class LocatorException extends Exception {
    /** The step that failed. */
    public enum Cause {
        /** A DNS name, DNS server or DC address given to the locator is not valid. */
        INVALID_ARGUMENT,
        /** The DNS server answered: the name does not exist or has no record of the type asked for. */
        DNS_NO_RECORD,
        /** No DNS server answered in time. */
        DNS_TIMEOUT,
        /** DNS servers answered with an error or could not be reached. */
        DNS_FAILURE,
        /** A DC host name (from SRV records or the configuration) has no address. */
        HOST_NOT_FOUND,
        /** No DC answered the LDAP ping in time, or every answer was unusable. */
        NO_ANSWER,
        /** DCs answered, but none meets the requirements (writable, KDC) or serves the domain. */
        UNSUITABLE,
        /** The calling thread was interrupted. */
        INTERRUPTED
    }

    private final Cause cause;

    public LocatorException(Cause cause, String message) {
        super(message);
        this.cause = cause;
    }

    public Cause cause() {
        return cause;
    }
}
