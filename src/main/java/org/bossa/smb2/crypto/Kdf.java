package org.bossa.smb2.crypto;

import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The key derivation function of MS-SMB2 3.1.4.2: NIST SP800-108 section 5.1 (KDF in counter mode) with
 * HMAC-SHA256 as the PRF, a 32-bit counter ({@code r = 32}) starting at {@code i = 1}, and a 32-bit
 * big-endian {@code L}.
 *
 * <p>Each PRF input is {@code [i]_32 || Label || 0x00 || Context || [L]_32}. The SMB labels and contexts
 * already end in a NUL ({@code "SMB2AESCMAC\0"}), and that NUL is part of the label passed here; the 0x00
 * separator of SP800-108 comes in addition.
 */
public final class Kdf {

    private static final String HMAC_SHA256 = "HmacSHA256";
    private static final int PRF_BITS = 256;

    private Kdf() {
    }

    /**
     * Derives {@code lengthBits} bits of keying material.
     *
     * @param ki the key derivation key (the session key); not empty
     * @param label the label including its trailing NUL
     * @param context the context (a constant string with its NUL, or the 64-byte preauth hash)
     * @param lengthBits L, a positive multiple of 8 (SMB uses 128 and 256)
     * @return {@code lengthBits / 8} bytes
     */
    public static byte[] sp800108(byte[] ki, byte[] label, byte[] context, int lengthBits) {
        if (ki == null || ki.length == 0) {
            throw new IllegalArgumentException("KDF key must not be empty");
        }
        if (label == null || context == null) {
            throw new IllegalArgumentException("KDF label and context must not be null");
        }
        if (lengthBits <= 0 || lengthBits % 8 != 0 || lengthBits > 64 * PRF_BITS) {
            throw new IllegalArgumentException("KDF length must be a positive multiple of 8 bits: " + lengthBits);
        }
        Mac prf;
        try {
            prf = Mac.getInstance(HMAC_SHA256);
            prf.init(new SecretKeySpec(ki, HMAC_SHA256));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 unavailable", e);
        }
        byte[] out = new byte[lengthBits / 8];
        byte[] counter = new byte[4];
        byte[] length = be32(lengthBits);
        int produced = 0;
        for (int i = 1; produced < out.length; i++) {
            counter[0] = (byte) (i >>> 24);
            counter[1] = (byte) (i >>> 16);
            counter[2] = (byte) (i >>> 8);
            counter[3] = (byte) i;
            prf.update(counter);
            prf.update(label);
            prf.update((byte) 0);
            prf.update(context);
            prf.update(length);
            byte[] block = prf.doFinal();
            int n = Math.min(block.length, out.length - produced);
            System.arraycopy(block, 0, out, produced, n);
            produced += n;
        }
        return out;
    }

    private static byte[] be32(int v) {
        return new byte[] {(byte) (v >>> 24), (byte) (v >>> 16), (byte) (v >>> 8), (byte) v};
    }
}
