package org.bossa.rpc.netlogon.ndr;

import java.util.Arrays;

/**
 * NETLOGON_AUTHENTICATOR (MS-NRPC 2.2.1.1.5): an 8-byte credential and a time stamp in seconds since
 * 1970 (the client's clock; the server only echoes it into the credential chain). The credential is
 * copied in and out, and {@link #toString()} does not show it.
 */
public record Authenticator(byte[] credential, int timestamp) {
    /** The all-zero authenticator a client sends in an [in,out] ReturnAuthenticator. */
    public static final Authenticator ZERO = new Authenticator(new byte[NetlogonNdr.CREDENTIAL_SIZE], 0);

    public Authenticator {
        credential = NetlogonNdr.checkCredential(credential, "authenticator credential").clone();
    }

    @Override
    public byte[] credential() {
        return credential.clone();
    }

    /** The timestamp as the unsigned number of seconds it stands for. */
    public long timestampSeconds() {
        return Integer.toUnsignedLong(timestamp);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Authenticator a && a.timestamp == timestamp && Arrays.equals(a.credential, credential);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(credential) * 31 + timestamp;
    }

    @Override
    public String toString() {
        return "Authenticator[timestamp=" + Integer.toUnsignedString(timestamp) + "]";
    }
}
