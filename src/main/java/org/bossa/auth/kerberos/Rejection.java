package org.bossa.auth.kerberos;

import org.bossa.auth.kerberos.AcceptResult.Rejected;

/**
 * A failed check inside the acceptor, carried out of nested steps and turned into a {@link Rejected}
 * at the top; never seen by callers. No stack trace is filled in: it is a value, not a bug report.
 */
final class Rejection extends Exception {
    private final Rejected.Kind kind;

    Rejection(Rejected.Kind kind, String reason) {
        super(reason, null, false, false);
        this.kind = kind;
    }

    Rejected toResult() {
        return new Rejected(getMessage(), kind);
    }
}
