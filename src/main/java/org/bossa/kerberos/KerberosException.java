package org.bossa.kerberos;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A failed Kerberos exchange. {@link #failure()} names the cause; the message is one line:
 * the cause's summary, then the detail (principal, KDC address, KRB-ERROR code and e-text, the
 * measured skew). Messages never contain a password or key material.
 */
public final class KerberosException extends Exception {
    private final KerberosFailure failure;
    private final int errorCode;
    private final String eText;
    private final Duration clockSkew;

    public KerberosException(KerberosFailure failure, String detail) {
        this(failure, detail, -1, null, null, null);
    }

    public KerberosException(KerberosFailure failure, String detail, Throwable cause) {
        this(failure, detail, -1, null, null, cause);
    }

    KerberosException(KerberosFailure failure, String detail, int errorCode, String eText, Duration clockSkew,
                      Throwable cause) {
        super(failure.summary() + ": " + detail, cause);
        this.failure = failure;
        this.errorCode = errorCode;
        this.eText = eText;
        this.clockSkew = clockSkew;
    }

    public KerberosFailure failure() {
        return failure;
    }

    /** The KRB-ERROR error-code (RFC 4120 7.5.9) when the KDC sent one. */
    public OptionalInt krbErrorCode() {
        return errorCode < 0 ? OptionalInt.empty() : OptionalInt.of(errorCode);
    }

    /** The KRB-ERROR e-text when the KDC sent one. */
    public Optional<String> eText() {
        return Optional.ofNullable(eText);
    }

    /** For {@link KerberosFailure#CLOCK_SKEW}: KDC time minus local time, from the KRB-ERROR's stime. */
    public Optional<Duration> clockSkew() {
        return Optional.ofNullable(clockSkew);
    }
}
