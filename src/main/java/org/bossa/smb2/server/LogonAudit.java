package org.bossa.smb2.server;

import org.bossa.auth.Token;
import org.bossa.smb2.wire.NtStatus;
import org.bossa.text.LogSafe;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The audit trail of logons: one line per SESSION_SETUP exchange that ends, successful or not, on
 * the logger {@code bossa.audit}, whatever the mechanism, as key=value pairs an administrator can
 * grep and a log shipper can parse:
 *
 * <pre>
 * logon result=success mechanism=kerberos user="EXAMPLE\alice" sid=S-1-5-21-1-2-3-1103 groups=6 client=10.0.0.7 reason=""
 * logon result=failure mechanism=ntlm user="EXAMPLE\alice" sid=- groups=0 client=10.0.0.7 status=NT_STATUS_LOGON_FAILURE reason="..."
 * </pre>
 *
 * Names come from the wire and are quoted with {@link LogSafe}; a failure's user is who the client
 * claimed to be, never trusted. No key, password or hash ever reaches this line.
 */
final class LogonAudit {
    private static final Logger AUDIT = LoggerFactory.getLogger("bossa.audit");

    private LogonAudit() {
    }

    static void success(String mechanism, Token token, String client, boolean reauthentication) {
        if (AUDIT.isInfoEnabled()) {
            AUDIT.info("logon result=success mechanism={} user={} sid={} groups={} client={} reason={}", mechanism,
                    LogSafe.quote(token.displayName()), token.userSid(), token.groupSids().size(), client,
                    reauthentication ? "\"re-authentication\"" : "\"\"");
        }
    }

    static void failure(String mechanism, String claimant, String client, NtStatus status, String reason) {
        if (AUDIT.isInfoEnabled()) {
            AUDIT.info("logon result=failure mechanism={} user={} sid=- groups=0 client={} status={} reason={}",
                    mechanism, LogSafe.quote(claimant), client, status.ntName(), LogSafe.quote(reason));
        }
    }
}
