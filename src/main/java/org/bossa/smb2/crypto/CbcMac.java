package org.bossa.smb2.crypto;

import java.security.GeneralSecurityException;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * A CBC-MAC chaining value computed with the JCE's AES/CBC/NoPadding encryption (AES-NI intrinsic), the core of
 * AES-CMAC and of AES-CCM's authentication. Not thread-safe: one per pooled engine.
 *
 * <p>The cipher is initialised once with a zero IV; {@link #reset} (a {@code doFinal} with nothing buffered)
 * returns it to that state for the next message. The chaining value after the input so far is {@link #chain}.
 */
final class CbcMac {

    private static final byte[] ZERO_IV = new byte[16];

    private final Cipher cbc;
    private final byte[] chain = new byte[16];

    CbcMac(SecretKeySpec key) {
        cbc = AesModes.cipher("AES/CBC/NoPadding");
        try {
            cbc.init(Cipher.ENCRYPT_MODE, key, new IvParameterSpec(ZERO_IV));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES/CBC init failed", e);
        }
    }

    /**
     * Absorbs {@code in[off..off+len)}, {@code len} a multiple of 16, in calls of at most half the scratch
     * buffer; the cipher's output goes to {@code scratch} and only its last block is kept.
     */
    void update(byte[] in, int off, int len, byte[] scratch) throws GeneralSecurityException {
        int chunk = scratch.length / 2;
        while (len > 0) {
            int n = Math.min(len, chunk);
            if (cbc.update(in, off, n, scratch, 0) != n) {
                throw new IllegalStateException("unexpected AES/CBC output length");
            }
            off += n;
            len -= n;
            if (len == 0) {
                System.arraycopy(scratch, n - 16, chain, 0, 16);
            }
        }
    }

    /** Absorbs one whole block. */
    void updateBlock(byte[] block, int off) throws GeneralSecurityException {
        if (cbc.update(block, off, 16, chain, 0) != 16) {
            throw new IllegalStateException("unexpected AES/CBC output length");
        }
    }

    /** The CBC-MAC of everything absorbed since the last reset (the last ciphertext block); do not modify. */
    byte[] chain() {
        return chain;
    }

    /** Ready for the next message (chaining value back to the zero IV). */
    void reset() throws GeneralSecurityException {
        cbc.doFinal(chain, 0);
        java.util.Arrays.fill(chain, (byte) 0);
    }
}
