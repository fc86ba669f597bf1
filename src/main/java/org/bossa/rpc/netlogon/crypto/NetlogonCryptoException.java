package org.bossa.rpc.netlogon.crypto;

/**
 * A Netlogon credential or secure-channel protection check failed, or an input had the wrong shape.
 * Every failure means the secure channel (or the connection it protects) can no longer be trusted:
 * the caller drops it and, where it makes sense, negotiates a new one. Messages never carry keys,
 * credentials or passwords.
 */
public final class NetlogonCryptoException extends Exception {

    /** Why the check failed. */
    public enum Reason {
        /** NetrServerAuthenticate3 negotiated no AES (flag 0x01000000); RC4 and DES are never used. */
        AES_NOT_NEGOTIATED,
        /** The server credential of NetrServerAuthenticate3 is not the one the session key gives (MS-NRPC 3.1.4.5). */
        SERVER_CREDENTIAL_MISMATCH,
        /** The ReturnAuthenticator of a call does not continue the credential chain (MS-NRPC 3.1.4.5). */
        RETURN_AUTHENTICATOR_MISMATCH,
        /** A return authenticator was checked without an authenticator having been sent for it. */
        NO_AUTHENTICATOR_OUTSTANDING,
        /** A field or buffer has the wrong length or lies outside its buffer. */
        BAD_LENGTH,
        /** A new trust password that does not fit the 512-byte NL_TRUST_PASSWORD buffer, or is empty. */
        BAD_PASSWORD_LENGTH,
        /** An NL_AUTH_MESSAGE that is not the expected message (MS-NRPC 2.2.1.3.1). */
        BAD_AUTH_MESSAGE,
        /** A Netlogon signature whose algorithm, seal algorithm or pad field is not the negotiated one (3.3.4.2.2). */
        BAD_SIGNATURE_HEADER,
        /** The decrypted sequence number is not the one expected next: a replayed, reordered or forged PDU. */
        SEQUENCE_MISMATCH,
        /** The checksum does not match the data: a modified PDU or the wrong key. */
        CHECKSUM_MISMATCH
    }

    private final Reason reason;

    public NetlogonCryptoException(Reason reason, String message) {
        super(reason + ": " + message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
