package org.bossa.domain;

import org.bossa.kerberos.KerberosException;
import org.bossa.kerberos.kpasswd.KpasswdException;

/** Turns Kerberos failures into the domain operations' causes, keeping the one-line message. */
final class KerberosFailures {
    private KerberosFailures() {
    }

    static DomainException of(String what, KerberosException e) {
        DomainException.Cause cause = switch (e.failure()) {
            case WRONG_PASSWORD, CLIENT_UNKNOWN, CLIENT_REVOKED, PASSWORD_EXPIRED -> DomainException.Cause.BAD_CREDENTIALS;
            case CLOCK_SKEW -> DomainException.Cause.CLOCK_SKEW;
            case KDC_UNREACHABLE -> DomainException.Cause.DC_UNREACHABLE;
            default -> DomainException.Cause.PROTOCOL;
        };
        String skew = e.clockSkew().map(d -> " (this host's clock is " + Math.abs(d.toSeconds()) + " s "
                + (d.isNegative() ? "ahead of" : "behind") + " the KDC's; Kerberos allows 300 s)").orElse("");
        return new DomainException(cause, what + ": " + e.getMessage() + skew, e);
    }

    static DomainException of(String what, KpasswdException e) {
        return new DomainException(DomainException.Cause.PROTOCOL, what + ": " + e.getMessage(), e);
    }
}
