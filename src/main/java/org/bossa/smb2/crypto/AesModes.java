package org.bossa.smb2.crypto;

import java.security.GeneralSecurityException;
import java.security.InvalidAlgorithmParameterException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Helpers for building the SMB MAC and AEAD modes out of the JCE's intrinsified AES modes.
 *
 * <p><b>Why chunks.</b> HotSpot replaces the bulk loops of AES/CBC encryption, AES/CTR and AES/GCM (and GHASH)
 * with AES-NI / VAES / (V)PCLMULQDQ stubs only at call sites compiled by C2. A call per whole 8 MiB message
 * happens far too rarely for that (about 128 calls per GiB), so every long message runs the interpreted or
 * C1-compiled Java loops at 50-150 MB/s. Feeding the same data in {@link #CHUNK}-sized calls makes the call
 * sites hot after a few thousand calls (well under a second of long messages; a server's stream of small
 * messages warms them anyway) and then runs at several GB/s. Measured (bench/crypto): 4, 8 and 16 KiB chunks
 * reach the same steady state within noise, warm-up grows with the chunk size; 8 KiB is comfortably above
 * the 512-byte threshold of the JDK's combined AES-GCM stub. The intermediate output that the modes produce but the caller does not need (the CBC-MAC "ciphertext",
 * the recomputed GCM ciphertext) goes to a scratch buffer: a small one owned by each pooled engine for short
 * messages, a pooled {@code 2 * CHUNK} one shared by all keys for long ones. No per-message allocation
 * proportional to the message.
 *
 * <p><b>Counters.</b> The JCE's AES/CTR increments the whole 128-bit block, GCM only its last 32 bits (inc32)
 * and CCM its last 4 bytes. They agree as long as those bits never wrap; a Java array holds at most 2^27 blocks
 * and the counters start at 2 (GCM) and 0 (CCM), so they never do.
 */
final class AesModes {

    /** Bytes handed to one JCE update call; a multiple of 16 (and of 512, the JDK's GCM stub granule). */
    static final int CHUNK = 8 * 1024;
    /**
     * GMAC and GCM decryption of messages up to this many bytes use the JCE's AES/GCM directly (AAD / decrypt
     * mode, one call): cheaper per message than the two-cipher construction, and at this size one call is no
     * worse than one chunk, so the call sites still warm up.
     */
    static final int DIRECT_MAX = 2 * CHUNK;
    /** Messages up to this many bytes use the engine's own small scratch. A multiple of 16. */
    static final int SMALL_CHUNK = 1024;

    /** Pooled scratch buffers of {@code 2 * CHUNK} bytes, shared by every key and engine. */
    private static final EnginePool<byte[]> SCRATCH = new EnginePool<>(() -> new byte[2 * CHUNK]);

    private AesModes() {
    }

    /** A scratch buffer of {@code 2 * chunk} bytes for processing {@code len} bytes; {@code own} if short. */
    static byte[] scratchFor(int len, byte[] own) {
        return len <= own.length / 2 ? own : SCRATCH.take();
    }

    /** Gives back a buffer from {@link #scratchFor} (no-op for the engine's own). */
    static void release(byte[] scratch, byte[] own) {
        if (scratch != own) {
            SCRATCH.give(scratch);
        }
    }

    static byte[] newSmallScratch() {
        return new byte[2 * SMALL_CHUNK];
    }

    static Cipher cipher(String transformation) {
        try {
            return Cipher.getInstance(transformation);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(transformation + " unavailable", e);
        }
    }

    /** AES_K(block), one block, for subkey derivation at construction. */
    static byte[] encryptBlock(SecretKeySpec key, byte[] block) {
        try {
            Cipher ecb = Cipher.getInstance("AES/ECB/NoPadding");
            ecb.init(Cipher.ENCRYPT_MODE, key);
            return ecb.doFinal(block);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES unavailable", e);
        }
    }

    /** The 16 bytes at {@code off} as a big-endian 128-bit value: the high 64 bits. */
    static long be64(byte[] b, int off) {
        long v = 0;
        for (int i = 0; i < 8; i++) {
            v = (v << 8) | (b[off + i] & 0xFF);
        }
        return v;
    }

    /**
     * XORs X·H into {@code out[off..off+16)}, the product in GF(2^128) with GCM's bit order (NIST SP 800-38D,
     * algorithm 1). {@code xHi:xLo} is public (branching on it is fine); the loop does not branch on H.
     */
    static void xorGfMul(long xHi, long xLo, long hHi, long hLo, byte[] out, int off) {
        long zHi = 0;
        long zLo = 0;
        long vHi = hHi;
        long vLo = hLo;
        for (int i = 0; i < 128; i++) {
            long bit = i < 64 ? (xHi >>> (63 - i)) & 1 : (xLo >>> (127 - i)) & 1;
            long take = -bit;
            zHi ^= vHi & take;
            zLo ^= vLo & take;
            long reduce = -(vLo & 1);
            vLo = (vLo >>> 1) | (vHi << 63);
            vHi = (vHi >>> 1) ^ (0xE100_0000_0000_0000L & reduce);
        }
        for (int i = 0; i < 8; i++) {
            out[off + i] ^= (byte) (zHi >>> (56 - 8 * i));
            out[off + 8 + i] ^= (byte) (zLo >>> (56 - 8 * i));
        }
    }

    /**
     * Whether the 16-byte tags at {@code a[aOff]} and {@code b[bOff]} are equal, in time independent of where
     * they differ (as {@link java.security.MessageDigest#isEqual}, without copying the ranges out first).
     */
    static boolean tagEquals(byte[] a, int aOff, byte[] b, int bOff) {
        int diff = 0;
        for (int i = 0; i < 16; i++) {
            diff |= a[aOff + i] ^ b[bOff + i];
        }
        return diff == 0;
    }

    static void putBe32(byte[] b, int off, int v) {
        b[off] = (byte) (v >>> 24);
        b[off + 1] = (byte) (v >>> 16);
        b[off + 2] = (byte) (v >>> 8);
        b[off + 3] = (byte) v;
    }

    /**
     * Initialises an AES/GCM cipher for an encryption that only <em>recomputes</em> a tag (GMAC, GCM
     * decryption): its output is discarded or equals data we already hold, and is never sent. The JCE refuses to
     * encrypt twice in a row with the same key and nonce on one instance (the same message signed or verified
     * again, a replayed message opened again), so step over that guard by initialising with another nonce
     * first. Never use this for a real encryption.
     */
    static void initGcmEncrypt(Cipher gcm, SecretKeySpec key, byte[] nonce) throws GeneralSecurityException {
        GCMParameterSpec spec = new GCMParameterSpec(128, nonce);
        try {
            gcm.init(Cipher.ENCRYPT_MODE, key, spec);
        } catch (InvalidAlgorithmParameterException reuse) {
            byte[] other = nonce.clone();
            other[0] ^= 1;
            gcm.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, other));
            gcm.init(Cipher.ENCRYPT_MODE, key, spec);
        }
    }
}
