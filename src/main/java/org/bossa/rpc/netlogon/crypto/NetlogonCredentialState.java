package org.bossa.rpc.netlogon.crypto;

import org.bossa.rpc.netlogon.ndr.Authenticator;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;

/**
 * An established AES secure channel, client side (MS-NRPC 3.1): the session key, the negotiated
 * flags and the credential chain of 3.1.4.5 that calls with a NETLOGON_AUTHENTICATOR (NetrServerPasswordSet2,
 * NetrLogonGetCapabilities, NetrLogonSamLogonWithFlags ...) advance. Made by
 * {@link NetlogonCredentialHandshake#complete}.
 *
 * <p>The chain allows one outstanding authenticated call: {@link #nextAuthenticator()} steps the
 * chain and remembers the credential the server's ReturnAuthenticator must carry, and
 * {@link #verifyReturnAuthenticator} checks it. Callers serialise authenticated calls on one state
 * (NetrLogonSamLogonEx needs no authenticator and may run concurrently on sealed connections).
 * Methods are synchronized so a misuse cannot corrupt the chain, only fail verification.
 */
public final class NetlogonCredentialState {

    private final byte[] sessionKey;
    private final int negotiatedFlags;
    /** ClientStoredCredential of 3.1.4.5, the seed each step adds the timestamp to. */
    private final byte[] storedCredential;
    /** The last timestamp used, unsigned 32 bits; 0 before the first authenticator. */
    private long lastTimestamp;
    /** The ReturnAuthenticator credential expected for the outstanding call, or null. */
    private byte[] expectedReturn;
    /** The stored credential before the outstanding call's step, for {@link #abandonAuthenticator()}. */
    private byte[] beforeStep;
    private boolean destroyed;

    NetlogonCredentialState(byte[] sessionKey, byte[] clientCredential, int negotiatedFlags) {
        this.sessionKey = sessionKey;
        this.storedCredential = clientCredential.clone();
        this.negotiatedFlags = negotiatedFlags;
    }

    /** NegotiateFlags of NetrServerAuthenticate3 (AES always among them). */
    public int negotiatedFlags() {
        return negotiatedFlags;
    }

    /**
     * A copy of the 16-byte session key, for the Netlogon SSP (schannel) binding. The caller wipes
     * its copy when done.
     */
    public synchronized byte[] sessionKey() {
        requireAlive();
        return sessionKey.clone();
    }

    /** The next authenticator, timestamped with the current time. */
    public Authenticator nextAuthenticator() {
        return nextAuthenticator(Instant.now());
    }

    /**
     * Steps the chain (3.1.4.5): the timestamp is {@code now} in seconds, but at least two more than
     * the last one (as Samba does) so timestamps only grow even when the clock steps back; the
     * stored credential plus the timestamp (added to its first four bytes, little-endian) gives the
     * authenticator's credential, and that value plus one the credential the server returns, which
     * also becomes the new stored credential.
     */
    public synchronized Authenticator nextAuthenticator(Instant now) {
        requireAlive();
        long nowSeconds = now.getEpochSecond() & 0xFFFFFFFFL;
        long timestamp = (lastTimestamp + 2) & 0xFFFFFFFFL;
        if (lastTimestamp == 0 || nowSeconds > timestamp || timestamp - nowSeconds >= Integer.MAX_VALUE) {
            // the first step, a clock ahead of the counter, or a counter that wrapped far past the clock
            timestamp = nowSeconds;
        }
        lastTimestamp = timestamp;
        byte[] seed = addToFirstWord(storedCredential, timestamp);
        byte[] credential = NetlogonCredentialHandshake.computeCredential(sessionKey, seed);
        byte[] nextSeed = addToFirstWord(seed, 1);
        NetlogonAes.wipe(beforeStep);
        beforeStep = storedCredential.clone();
        NetlogonAes.wipe(expectedReturn);
        expectedReturn = NetlogonCredentialHandshake.computeCredential(sessionKey, nextSeed);
        System.arraycopy(nextSeed, 0, storedCredential, 0, storedCredential.length);
        NetlogonAes.wipe(seed);
        NetlogonAes.wipe(nextSeed);
        return new Authenticator(credential, (int) timestamp);
    }

    /**
     * Undoes the last {@link #nextAuthenticator} step: for a call the server refused before
     * looking at the authenticator (an RPC fault), so its chain did not advance either — as an old
     * DC does with NetrLogonGetCapabilities level 2 (KB5028185: Samba before 4.21.2 faults on it).
     *
     * @throws NetlogonCryptoException {@code NO_AUTHENTICATOR_OUTSTANDING} if no step is outstanding
     */
    public synchronized void abandonAuthenticator() throws NetlogonCryptoException {
        requireAlive();
        if (expectedReturn == null || beforeStep == null) {
            throw new NetlogonCryptoException(NetlogonCryptoException.Reason.NO_AUTHENTICATOR_OUTSTANDING,
                    "no authenticated call is outstanding");
        }
        System.arraycopy(beforeStep, 0, storedCredential, 0, storedCredential.length);
        NetlogonAes.wipe(beforeStep);
        NetlogonAes.wipe(expectedReturn);
        beforeStep = null;
        expectedReturn = null;
    }

    /**
     * Checks the ReturnAuthenticator's credential of the call the last {@link #nextAuthenticator}
     * was for (constant-time comparison). Either way the outstanding expectation is used up.
     *
     * @throws NetlogonCryptoException {@code RETURN_AUTHENTICATOR_MISMATCH}, {@code
     *     NO_AUTHENTICATOR_OUTSTANDING} or {@code BAD_LENGTH}
     */
    public synchronized void verifyReturnAuthenticator(byte[] returnedCredential) throws NetlogonCryptoException {
        requireAlive();
        byte[] expected = expectedReturn;
        expectedReturn = null;
        if (expected == null) {
            throw new NetlogonCryptoException(NetlogonCryptoException.Reason.NO_AUTHENTICATOR_OUTSTANDING,
                    "no authenticated call is outstanding");
        }
        try {
            NetlogonCredentialHandshake.requireLength(returnedCredential, NetlogonCredentialHandshake.CREDENTIAL_SIZE,
                    "return authenticator credential");
            if (!MessageDigest.isEqual(expected, returnedCredential)) {
                throw new NetlogonCryptoException(NetlogonCryptoException.Reason.RETURN_AUTHENTICATOR_MISMATCH,
                        "the server's return authenticator does not continue the chain");
            }
        } finally {
            NetlogonAes.wipe(expected);
        }
    }

    /**
     * The ClearNewPassword argument of NetrServerPasswordSet2 (MS-NRPC 3.4.5.2.5, 2.2.1.3.7): the
     * 516-byte NL_TRUST_PASSWORD for {@code newPassword}, encrypted with AES-128-CFB8 (zero IV) under
     * the session key. Pair it with a {@link #nextAuthenticator()} for the same call.
     *
     * @throws NetlogonCryptoException {@code BAD_PASSWORD_LENGTH} if the password is empty or its
     *     UTF-16LE form exceeds 512 bytes
     */
    public byte[] encryptTrustPassword(String newPassword, SecureRandom random) throws NetlogonCryptoException {
        byte[] buffer = NlTrustPassword.build(newPassword, random);
        synchronized (this) {
            requireAlive();
            NetlogonAes.cfb8EncryptZeroIv(sessionKey, buffer, 0, buffer.length);
        }
        return buffer;
    }

    /**
     * Decrypts a UserSessionKey (16 bytes) or LMSessionKey (8 bytes) from NETLOGON_VALIDATION_SAM_INFO
     * or _INFO2 (validation levels 2 and 3), which the server encrypts with AES-128-CFB8 (zero IV)
     * under the session key unless the key is all zero (3.2.4.1; Samba's
     * netlogon_creds_crypt_samlogon_validation). Level 6 (SAM_INFO4) keys arrive in the clear over
     * the sealed channel and must not be passed here.
     */
    public synchronized byte[] decryptValidationKey(byte[] encrypted) {
        requireAlive();
        byte[] out = encrypted.clone();
        boolean allZero = true;
        for (byte b : out) {
            allZero &= b == 0;
        }
        if (!allZero) {
            NetlogonAes.cfb8Decrypt(sessionKey, new byte[NetlogonAes.IV_SIZE], out, 0, out.length);
        }
        return out;
    }

    /** Wipes the session key and the chain; the state is unusable afterwards. */
    public synchronized void destroy() {
        NetlogonAes.wipe(sessionKey);
        NetlogonAes.wipe(storedCredential);
        NetlogonAes.wipe(expectedReturn);
        NetlogonAes.wipe(beforeStep);
        expectedReturn = null;
        destroyed = true;
    }

    @Override
    public String toString() {
        return "NetlogonCredentialState[flags=0x" + Integer.toHexString(negotiatedFlags) + "]";
    }

    private void requireAlive() {
        if (destroyed) {
            throw new IllegalStateException("the secure channel state was destroyed");
        }
    }

    /** {@code credential} with {@code add} added to its first 32-bit little-endian word (wrapping). */
    private static byte[] addToFirstWord(byte[] credential, long add) {
        byte[] out = credential.clone();
        int word = (out[0] & 0xFF) | (out[1] & 0xFF) << 8 | (out[2] & 0xFF) << 16 | (out[3] & 0xFF) << 24;
        word += (int) add;
        out[0] = (byte) word;
        out[1] = (byte) (word >>> 8);
        out[2] = (byte) (word >>> 16);
        out[3] = (byte) (word >>> 24);
        return out;
    }
}
