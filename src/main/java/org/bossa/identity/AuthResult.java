package org.bossa.identity;

import java.util.Objects;
import java.util.Optional;
import org.bossa.smb2.wire.NtStatus;

/**
 * The outcome of a password check or change asked for by a host tool (pam_winbind, ntlm_auth).
 *
 * @param status SUCCESS, or why not (LOGON_FAILURE, WRONG_PASSWORD, ACCOUNT_DISABLED, NO_LOGON_SERVERS...)
 * @param message a short log-safe explanation for the user or the log; empty on success
 * @param user the authenticated user when {@code status} is SUCCESS
 */
public record AuthResult(NtStatus status, String message, Optional<PosixUser> user) {
    public AuthResult {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(user, "user");
    }
}
