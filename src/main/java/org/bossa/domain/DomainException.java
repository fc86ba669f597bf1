package org.bossa.domain;

import java.util.Objects;

/**
 * A domain operation (join, leave, testjoin, info, changetrustpw) that failed, with its cause and a
 * one-line message naming exactly what failed, fit to print as the command's error. Messages never
 * carry a password or key.
 */
public final class DomainException extends RuntimeException {

    /** Why a domain operation failed. */
    public enum Cause {
        /** Settings missing or contradictory (no realm, bad name ...). */
        CONFIGURATION,
        /** No domain controller was found or none answered. */
        DC_UNREACHABLE,
        /** The administrator's (or the machine's) name or password was refused. */
        BAD_CREDENTIALS,
        /** This host's clock and the DC's differ by more than Kerberos allows. */
        CLOCK_SKEW,
        /** The directory refused an operation for lack of rights. */
        ACCESS_DENIED,
        /** A computer account of that name exists and taking it over was not asked for. */
        ACCOUNT_EXISTS,
        /** The OU or computer object named does not exist. */
        NO_SUCH_OBJECT,
        /** This server is not joined (no stored membership). */
        NOT_JOINED,
        /** The machine account does not work (testjoin). */
        MACHINE_ACCOUNT_BROKEN,
        /** Writing or reading the keytab or the state failed. */
        LOCAL_STATE,
        /** Any other protocol failure, with the peer's code in the message. */
        PROTOCOL
    }

    private final Cause cause;

    public DomainException(Cause cause, String message) {
        super(Objects.requireNonNull(message));
        this.cause = Objects.requireNonNull(cause);
    }

    public DomainException(Cause cause, String message, Throwable underlying) {
        super(Objects.requireNonNull(message), underlying);
        this.cause = Objects.requireNonNull(cause);
    }

    /** Why it failed. */
    public Cause failure() {
        return cause;
    }
}
