package org.bossa.domain;

import java.util.Objects;

/**
 * An account lookup the directory could not answer. Never means "no such account" (that is an
 * empty answer): the caller may serve what it cached and must not conclude the account is gone.
 */
public final class DirectoryLookupException extends Exception {

    /** Why the lookup went unanswered. */
    public enum Reason {
        /** No DC could be found or reached, the connection was lost, or it timed out. */
        DC_UNREACHABLE,
        /** The DC was reached but the machine account could not log on or bind (password, clock skew, Kerberos). */
        BIND_FAILED,
        /** The DC answered the search with an error (access denied, size limit, an unwilling server). */
        DIRECTORY_ERROR,
        /** The DC's answer was malformed (a SID that does not decode, a missing naming context). */
        MALFORMED_ANSWER,
        /** The member is not joined or its settings are unusable. */
        NOT_CONFIGURED
    }

    private final Reason reason;

    public DirectoryLookupException(Reason reason, String message, Throwable cause) {
        super(Objects.requireNonNull(message), cause);
        this.reason = Objects.requireNonNull(reason);
    }

    public DirectoryLookupException(Reason reason, String message) {
        this(reason, message, null);
    }

    public Reason reason() {
        return reason;
    }

    /** True when the DC could not be asked at all (unreachable or bind failed): the member is offline. */
    public boolean offline() {
        return reason == Reason.DC_UNREACHABLE || reason == Reason.BIND_FAILED || reason == Reason.NOT_CONFIGURED;
    }
}
