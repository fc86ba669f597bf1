package org.bossa.identity;

import java.util.Objects;
import org.bossa.auth.DomainIdentity;
import org.bossa.smb2.wire.NtStatus;

/**
 * A domain logon the host asks for (pam_winbind, ntlm_auth), checked against the domain: with a
 * password (Kerberos) or with a challenge and response (NTLM through Netlogon). Implementations
 * never log a password or a response.
 */
public interface LogonCheck {

    /** What a check concluded: the identity the DC vouched for, or why not. */
    sealed interface Outcome permits Verified, Refused {
    }

    record Verified(DomainIdentity identity) implements Outcome {
        public Verified {
            Objects.requireNonNull(identity, "identity");
        }
    }

    /** @param status LOGON_FAILURE, WRONG_PASSWORD, ACCOUNT_DISABLED, NO_LOGON_SERVERS ... */
    record Refused(NtStatus status, String reason) implements Outcome {
        public Refused {
            Objects.requireNonNull(status, "status");
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** A password logon of {@code account} (no domain part). */
    Outcome password(String account, char[] password);

    /** A challenge-response logon, as the client computed it. */
    Outcome challengeResponse(String domain, String account, String workstation, byte[] challenge, byte[] lm,
            byte[] nt);
}
