package org.bossa.rpc.netlogon.crypto;

/**
 * NETLOGON_AUTHENTICATOR (MS-NRPC 2.2.1.1.5): an 8-byte credential and a 32-bit timestamp (seconds
 * since 1970, unsigned on the wire; kept here as the raw 32 bits). The credential is not secret once
 * sent, but {@link #toString()} still leaves it out so logs stay free of chain values.
 */
public record NetlogonAuthenticator(byte[] credential, int timestamp) {

    public NetlogonAuthenticator {
        if (credential == null || credential.length != NetlogonCredentialHandshake.CREDENTIAL_SIZE) {
            throw new IllegalArgumentException("a Netlogon credential is 8 bytes");
        }
        credential = credential.clone();
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
        return o instanceof NetlogonAuthenticator a && a.timestamp == timestamp
                && java.security.MessageDigest.isEqual(a.credential, credential);
    }

    @Override
    public int hashCode() {
        return java.util.Arrays.hashCode(credential) * 31 + timestamp;
    }

    @Override
    public String toString() {
        return "NetlogonAuthenticator[timestamp=" + timestampSeconds() + "]";
    }
}
