package org.bossa.identity;

/**
 * A lookup that could not be answered: no DC answered and nothing usable is cached. Distinct from
 * "no such name" (an empty answer), so callers can say "try later" (winbind's
 * NT_STATUS_NO_LOGON_SERVERS / NSS_STATUS_UNAVAIL) instead of "unknown user".
 */
public final class IdentityUnavailableException extends Exception {
    public IdentityUnavailableException(String message) {
        super(message, null, false, false);
    }
}
