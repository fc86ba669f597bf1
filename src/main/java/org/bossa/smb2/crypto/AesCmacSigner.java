package org.bossa.smb2.crypto;

import java.security.GeneralSecurityException;
import javax.crypto.spec.SecretKeySpec;

/**
 * SMB 3.x signing with AES-128-CMAC (RFC 4493), MS-SMB2 3.1.4.1.
 *
 * <p>CMAC is a CBC-MAC whose last block is first XORed with subkey K1 (a whole block) or, after 10* padding,
 * K2. The CBC-MAC runs on the JCE's AES/CBC/NoPadding encryption in chunks (see {@link AesModes}), so the
 * AES-NI CBC intrinsic does the work; the subkeys come from AES_K(0^128) at construction.
 */
final class AesCmacSigner extends AbstractSigner {

    private final SecretKeySpec key;
    private final byte[] k1;
    private final byte[] k2;
    private final EnginePool<Engine> pool;

    /** Per-use state: the CBC cipher and small buffers. */
    private static final class Engine {
        final CbcMac mac;
        final byte[] head = new byte[HEADER_LENGTH];
        final byte[] block = new byte[16];
        final byte[] small = AesModes.newSmallScratch();

        Engine(SecretKeySpec key) {
            mac = new CbcMac(key);
        }
    }

    AesCmacSigner(byte[] keyBytes) {
        requireAesKey(keyBytes);
        this.key = new SecretKeySpec(keyBytes.clone(), "AES");
        byte[] l = AesModes.encryptBlock(key, new byte[16]);
        this.k1 = doubled(l);
        this.k2 = doubled(k1);
        java.util.Arrays.fill(l, (byte) 0);
        this.pool = new EnginePool<>(() -> new Engine(key));
        pool.give(pool.take()); // fail fast on a bad provider
    }

    /** Multiplication by x in GF(2^128), RFC 4493's subkey step: shift left, XOR 0x87 on carry. */
    static byte[] doubled(byte[] in) {
        byte[] out = new byte[16];
        int carry = 0;
        for (int i = 15; i >= 0; i--) {
            int b = in[i] & 0xFF;
            out[i] = (byte) ((b << 1) | carry);
            carry = b >>> 7;
        }
        out[15] ^= (byte) (0x87 & -carry);
        return out;
    }

    @Override
    public SigningAlgorithm algorithm() {
        return SigningAlgorithm.AES_CMAC;
    }

    @Override
    byte[] computeSignature(byte[] msg, int off, int len, byte[] signatureField) {
        Engine e = pool.take();
        byte[] scratch = AesModes.scratchFor(len, e.small);
        try {
            byte[] head = e.head;
            System.arraycopy(msg, off, head, 0, SIGNATURE_OFFSET);
            System.arraycopy(signatureField, 0, head, SIGNATURE_OFFSET, SIGNATURE_LENGTH);
            int bodyLen = len - HEADER_LENGTH;
            // the final block (1..16 bytes) gets the subkey; everything before it is plain CBC-MAC
            byte[] lastSrc;
            int lastOff;
            int lastLen;
            if (bodyLen == 0) {
                e.mac.update(head, 0, HEADER_LENGTH - 16, scratch);
                lastSrc = head;
                lastOff = HEADER_LENGTH - 16;
                lastLen = 16;
            } else {
                lastLen = (bodyLen - 1) % 16 + 1;
                e.mac.update(head, 0, HEADER_LENGTH, scratch);
                e.mac.update(msg, off + HEADER_LENGTH, bodyLen - lastLen, scratch);
                lastSrc = msg;
                lastOff = off + len - lastLen;
            }
            byte[] block = e.block;
            byte[] subkey = lastLen == 16 ? k1 : k2;
            java.util.Arrays.fill(block, (byte) 0);
            System.arraycopy(lastSrc, lastOff, block, 0, lastLen);
            if (lastLen < 16) {
                block[lastLen] = (byte) 0x80;
            }
            for (int i = 0; i < 16; i++) {
                block[i] ^= subkey[i];
            }
            e.mac.updateBlock(block, 0);
            byte[] out = e.mac.chain().clone();
            e.mac.reset();
            AesModes.release(scratch, e.small);
            pool.give(e);
            return out;
        } catch (GeneralSecurityException ex) {
            throw new IllegalStateException("AES-CMAC failed", ex);
        }
    }
}
