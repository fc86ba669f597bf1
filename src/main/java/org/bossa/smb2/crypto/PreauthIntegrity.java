package org.bossa.smb2.crypto;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Objects;

/**
 * The SMB 3.1.1 pre-authentication integrity hash (MS-SMB2 3.2.5.2, 3.3.5.4, 3.3.5.5): SHA-512 chained over
 * the NEGOTIATE request and response and every SESSION_SETUP request and response up to (not including) the
 * final successful SESSION_SETUP response.
 */
public final class PreauthIntegrity {

    /** Length of the hash value in bytes (SHA-512). */
    public static final int HASH_LENGTH = 64;

    private PreauthIntegrity() {
    }

    /** The initial value: 64 zero bytes. */
    public static byte[] initial() {
        return new byte[HASH_LENGTH];
    }

    /**
     * Returns {@code SHA-512(previous || msg[off..off+len))}; {@code previous} is not modified.
     *
     * @param previous the current 64-byte hash value
     * @param msg buffer holding one whole SMB2 message (starting with its header)
     */
    public static byte[] next(byte[] previous, byte[] msg, int off, int len) {
        if (previous == null || previous.length != HASH_LENGTH) {
            throw new IllegalArgumentException("previous preauth hash must be " + HASH_LENGTH + " bytes");
        }
        Objects.checkFromIndexSize(off, len, msg.length);
        MessageDigest sha512;
        try {
            sha512 = MessageDigest.getInstance("SHA-512");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-512 unavailable", e);
        }
        sha512.update(previous);
        sha512.update(msg, off, len);
        return sha512.digest();
    }
}
