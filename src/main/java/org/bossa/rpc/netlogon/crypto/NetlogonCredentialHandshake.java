package org.bossa.rpc.netlogon.crypto;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.bouncycastle.crypto.digests.MD4Digest;

/**
 * The client's half of session-key negotiation with AES (MS-NRPC 3.1.4.1), between
 * NetrServerReqChallenge and NetrServerAuthenticate3: from the shared secret (the NT hash of the
 * machine password) and both challenges it derives the session key (3.1.4.3.1), the
 * ClientCredential to send and the ServerCredential the server must return (3.1.4.4.1). {@link
 * #complete} checks the server's answer and yields the established {@link NetlogonCredentialState}.
 *
 * <p>Only the AES computations exist: the client always proposes AES, and a server that does not
 * agree is refused in {@link #complete}, so no DES or RC4 (or MD5 "strong key") path is needed.
 */
public final class NetlogonCredentialHandshake {

    /** netr_Credential and the challenges are 8 bytes. */
    public static final int CREDENTIAL_SIZE = 8;
    /** NETLOGON_NEG_SUPPORTS_AES (flag W of MS-NRPC 3.1.4.2). */
    public static final int NEG_SUPPORTS_AES = 0x01000000;

    private final byte[] sessionKey;
    private final byte[] clientCredential;
    private final byte[] serverCredential;

    private NetlogonCredentialHandshake(byte[] sessionKey, byte[] clientCredential, byte[] serverCredential) {
        this.sessionKey = sessionKey;
        this.clientCredential = clientCredential;
        this.serverCredential = serverCredential;
    }

    /** From the machine password (its NT hash, MD4 of UTF-16LE, is the shared secret). */
    public static NetlogonCredentialHandshake fromPassword(String machinePassword, byte[] clientChallenge,
            byte[] serverChallenge) throws NetlogonCryptoException {
        byte[] hash = ntHash(machinePassword);
        try {
            return fromNtHash(hash, clientChallenge, serverChallenge);
        } finally {
            NetlogonAes.wipe(hash);
        }
    }

    /**
     * From the 16-byte NT hash of the machine password and the two 8-byte challenges.
     *
     * @throws NetlogonCryptoException {@code BAD_LENGTH} if an input has the wrong size
     */
    public static NetlogonCredentialHandshake fromNtHash(byte[] ntHash, byte[] clientChallenge, byte[] serverChallenge)
            throws NetlogonCryptoException {
        requireLength(ntHash, 16, "NT hash");
        requireLength(clientChallenge, CREDENTIAL_SIZE, "client challenge");
        requireLength(serverChallenge, CREDENTIAL_SIZE, "server challenge");
        // 3.1.4.3.1: SessionKey = first 16 bytes of HMAC-SHA256(NT hash, ClientChallenge || ServerChallenge)
        byte[] digest = NetlogonAes.hmacSha256(ntHash, clientChallenge, serverChallenge);
        byte[] sessionKey = java.util.Arrays.copyOf(digest, NetlogonAes.KEY_SIZE);
        NetlogonAes.wipe(digest);
        // 3.1.4.4.1: each credential is the challenge through AES-128-CFB8, all-zero IV, session key
        return new NetlogonCredentialHandshake(sessionKey, computeCredential(sessionKey, clientChallenge),
                computeCredential(sessionKey, serverChallenge));
    }

    /** ClientCredential of NetrServerAuthenticate3. */
    public byte[] clientCredential() {
        return clientCredential.clone();
    }

    /** The ServerCredential a server that knows the same password returns. */
    public byte[] expectedServerCredential() {
        return serverCredential.clone();
    }

    /**
     * Checks the answer of NetrServerAuthenticate3 and establishes the channel: AES must be among the
     * negotiated flags and the server credential must match (compared in constant time).
     *
     * @param returnedServerCredential ServerCredential from the response
     * @param negotiatedFlags NegotiateFlags from the response
     * @throws NetlogonCryptoException {@code AES_NOT_NEGOTIATED}, {@code SERVER_CREDENTIAL_MISMATCH} or
     *     {@code BAD_LENGTH}
     */
    public NetlogonCredentialState complete(byte[] returnedServerCredential, int negotiatedFlags)
            throws NetlogonCryptoException {
        requireLength(returnedServerCredential, CREDENTIAL_SIZE, "server credential");
        if ((negotiatedFlags & NEG_SUPPORTS_AES) == 0) {
            throw new NetlogonCryptoException(NetlogonCryptoException.Reason.AES_NOT_NEGOTIATED,
                    "negotiated flags 0x" + Integer.toHexString(negotiatedFlags) + " lack AES");
        }
        if (!MessageDigest.isEqual(returnedServerCredential, serverCredential)) {
            throw new NetlogonCryptoException(NetlogonCryptoException.Reason.SERVER_CREDENTIAL_MISMATCH,
                    "the server does not hold the same machine password");
        }
        return new NetlogonCredentialState(sessionKey.clone(), clientCredential, negotiatedFlags);
    }

    /** Overwrites the session key this handshake holds (a completed state has its own copy). */
    public void destroy() {
        NetlogonAes.wipe(sessionKey);
    }

    /** ComputeNetlogonCredential with AES (3.1.4.4.1): AES-128-CFB8, zero IV, over the 8-byte input. */
    static byte[] computeCredential(byte[] sessionKey, byte[] input) {
        byte[] out = input.clone();
        NetlogonAes.cfb8EncryptZeroIv(sessionKey, out, 0, out.length);
        return out;
    }

    static byte[] ntHash(String password) {
        byte[] utf16 = password.getBytes(StandardCharsets.UTF_16LE);
        MD4Digest md4 = new MD4Digest();
        md4.update(utf16, 0, utf16.length);
        NetlogonAes.wipe(utf16);
        byte[] out = new byte[16];
        md4.doFinal(out, 0);
        return out;
    }

    static void requireLength(byte[] value, int length, String what) throws NetlogonCryptoException {
        if (value == null || value.length != length) {
            throw new NetlogonCryptoException(NetlogonCryptoException.Reason.BAD_LENGTH,
                    what + " must be " + length + " bytes, got " + (value == null ? "none" : value.length));
        }
    }
}
