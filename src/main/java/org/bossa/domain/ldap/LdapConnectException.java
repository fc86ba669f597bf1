package org.bossa.domain.ldap;

import com.unboundid.ldap.sdk.ResultCode;
import java.util.Optional;

/**
 * Connecting or binding to a DC failed. The message is one line: the cause, the DC, and for a
 * rejected bind the LDAP result code and the DC's diagnostic message.
 */
public final class LdapConnectException extends Exception {
    private final LdapFailure failure;
    private final String server;
    private final transient ResultCode resultCode;
    private final String diagnosticMessage;

    LdapConnectException(LdapFailure failure, String server, String detail, ResultCode resultCode,
            String diagnosticMessage, Throwable cause) {
        super(message(failure, server, detail, resultCode, diagnosticMessage), cause);
        this.failure = failure;
        this.server = server;
        this.resultCode = resultCode;
        this.diagnosticMessage = diagnosticMessage;
    }

    LdapConnectException(LdapFailure failure, String server, String detail, Throwable cause) {
        this(failure, server, detail, null, null, cause);
    }

    private static String message(LdapFailure failure, String server, String detail, ResultCode code,
            String diagnostic) {
        StringBuilder b = new StringBuilder(failure.summary()).append(" (").append(server).append(')');
        if (code != null) {
            b.append(": ").append(code.getName()).append(" (").append(code.intValue()).append(')');
        }
        if (diagnostic != null && !diagnostic.isBlank()) {
            b.append(code != null ? ", " : ": ").append(diagnostic.strip());
        }
        if (detail != null && !detail.isBlank()) {
            b.append(code != null || diagnostic != null ? "; " : ": ").append(detail.strip());
        }
        return b.toString().replace('\n', ' ');
    }

    public LdapFailure failure() {
        return failure;
    }

    /** host:port of the DC. */
    public String server() {
        return server;
    }

    /** The LDAP result code when the DC answered with one. */
    public Optional<ResultCode> resultCode() {
        return Optional.ofNullable(resultCode);
    }

    /** The DC's diagnostic message when it sent one. */
    public Optional<String> diagnosticMessage() {
        return Optional.ofNullable(diagnosticMessage);
    }
}
