package org.bossa.auth.ntlm;

import java.util.Objects;
import org.bossa.auth.AuthenticatedUser;
import org.bossa.smb2.wire.NtStatus;

/**
 * What an {@link NtlmVerifier} concluded.
 *
 * @param status SUCCESS, or the logon error for the client (LOGON_FAILURE, ACCOUNT_DISABLED, ...)
 * @param user the verified identity (non-null on SUCCESS)
 * @param sessionBaseKey the user session key, SessionBaseKey of MS-NLMP 3.3.2 (16 bytes, non-null on SUCCESS)
 */
public record NtlmVerification(NtStatus status, AuthenticatedUser user, byte[] sessionBaseKey) {

    public NtlmVerification {
        Objects.requireNonNull(status, "status");
        if (status == NtStatus.SUCCESS) {
            Objects.requireNonNull(user, "user");
            if (sessionBaseKey == null || sessionBaseKey.length != 16) {
                throw new IllegalArgumentException("a success carries a 16-byte session base key");
            }
            sessionBaseKey = sessionBaseKey.clone();
        } else if (!status.isError()) {
            throw new IllegalArgumentException("a failure needs an error status");
        }
    }

    public static NtlmVerification success(AuthenticatedUser user, byte[] sessionBaseKey) {
        return new NtlmVerification(NtStatus.SUCCESS, user, sessionBaseKey);
    }

    public static NtlmVerification failure(NtStatus status) {
        return new NtlmVerification(status, null, null);
    }

    public boolean succeeded() {
        return status == NtStatus.SUCCESS;
    }

    @Override
    public byte[] sessionBaseKey() {
        return sessionBaseKey == null ? null : sessionBaseKey.clone();
    }

    @Override
    public String toString() {
        return "NtlmVerification[" + status.ntName() + (user == null ? "" : ", " + user) + "]";
    }
}
