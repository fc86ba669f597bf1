package org.bossa.smb2.crypto;

import java.security.GeneralSecurityException;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * SMB 3.1.1 signing with AES-128-GMAC (RFC 4543), MS-SMB2 3.1.4.1: AES-GCM over an empty plaintext with the
 * whole message as additional authenticated data; the 16-byte tag is the signature.
 *
 * <p>The 12-byte nonce is MessageId (8 bytes, little-endian, as in the header) followed by a 32-bit
 * little-endian word whose bit 0 is set when the sender is the server (the message carries
 * SMB2_FLAGS_SERVER_TO_REDIR) and bit 1 is set for an SMB2 CANCEL request; the other 30 bits are zero.
 *
 * <p><b>How, and why this way.</b> The JCE buffers all AAD and GHASHes it in one call, which for long messages
 * never reaches the GHASH intrinsic (about 80 MB/s); its fast GHASH is internal to {@code java.base}. Instead we
 * let the JCE's AES/GCM <em>encryption</em> (VAES/VPCLMULQDQ intrinsic, fed in chunks) GHASH the message as its
 * <em>ciphertext</em>: we first run the message through AES/CTR with GCM's counter (nonce || 2, the same
 * keystream), so the GCM encryption of that "plaintext" produces exactly the message as ciphertext. GHASH
 * then covers the same blocks as GMAC's would; only the final length block differs (GMAC: [len(A)]64 ||
 * [0]64, ours: [0]64 || [len(C)]64, with len(A) = len(C) = 8·len). GHASH is linear and that block is multiplied
 * by H^1, so {@code GMAC = tag XOR ([8·len]64 || [8·len]64)·H}, one GF(2^128) product with H = AES_K(0^128)
 * computed once per key. Cost: two intrinsic AES passes plus one GHASH, several GB/s; public JCE only, so no
 * {@code --add-opens} and no fallback path. The "ciphertext" output is discarded into a scratch buffer.
 * Messages up to {@link AesModes#DIRECT_MAX} bytes take the plain JCE route (message as AAD), which costs less
 * per message.
 */
final class AesGmacSigner extends AbstractSigner {

    private static final int NONCE_LENGTH = 12;

    private final SecretKeySpec key;
    private final long hHi;
    private final long hLo;
    private final EnginePool<Engine> pool;

    /** Per-use state: the two ciphers and small buffers. */
    private static final class Engine {
        final Cipher ctr = AesModes.cipher("AES/CTR/NoPadding");
        final Cipher gcm = AesModes.cipher("AES/GCM/NoPadding");
        final byte[] head = new byte[HEADER_LENGTH];
        final byte[] tail = new byte[48];
        final byte[] small = AesModes.newSmallScratch();
    }

    AesGmacSigner(byte[] keyBytes) {
        requireAesKey(keyBytes);
        this.key = new SecretKeySpec(keyBytes.clone(), "AES");
        byte[] h = AesModes.encryptBlock(key, new byte[16]);
        this.hHi = AesModes.be64(h, 0);
        this.hLo = AesModes.be64(h, 8);
        java.util.Arrays.fill(h, (byte) 0);
        this.pool = new EnginePool<>(Engine::new);
    }

    @Override
    public SigningAlgorithm algorithm() {
        return SigningAlgorithm.AES_GMAC;
    }

    static byte[] nonce(byte[] msg, int off) {
        byte[] nonce = new byte[NONCE_LENGTH];
        System.arraycopy(msg, off + MESSAGE_ID_OFFSET, nonce, 0, 8);
        boolean response = (msg[off + FLAGS_OFFSET] & FLAG_SERVER_TO_REDIR) != 0;
        int command = (msg[off + COMMAND_OFFSET] & 0xFF) | (msg[off + COMMAND_OFFSET + 1] & 0xFF) << 8;
        int word = 0;
        if (response) {
            word |= 0x1;
        } else if (command == COMMAND_CANCEL) {
            word |= 0x2;
        }
        nonce[8] = (byte) word;
        return nonce;
    }

    @Override
    byte[] computeSignature(byte[] msg, int off, int len, byte[] signatureField) {
        byte[] nonce = nonce(msg, off);
        Engine e = pool.take();
        if (len <= AesModes.DIRECT_MAX) {
            return direct(e, nonce, msg, off, len, signatureField);
        }
        byte[] scratch = AesModes.scratchFor(len, e.small);
        try {
            byte[] counter = java.util.Arrays.copyOf(nonce, 16);
            counter[15] = 2; // GCM encrypts with inc32(J0) = nonce || 00000002 onwards
            e.ctr.init(Cipher.ENCRYPT_MODE, key, new IvParameterSpec(counter));
            AesModes.initGcmEncrypt(e.gcm, key, nonce);

            byte[] head = e.head;
            System.arraycopy(msg, off, head, 0, SIGNATURE_OFFSET);
            System.arraycopy(signatureField, 0, head, SIGNATURE_OFFSET, SIGNATURE_LENGTH);
            int chunk = scratch.length / 2;
            int bodyLen = len - HEADER_LENGTH;
            int bulk = bodyLen & ~15;
            feed(e, head, 0, HEADER_LENGTH, scratch, chunk);
            feed(e, msg, off + HEADER_LENGTH, bulk, scratch, chunk);
            int rest = bodyLen - bulk;
            // the partial last block: CTR it, then let doFinal emit its "ciphertext" and the tag
            if (e.ctr.doFinal(msg, off + HEADER_LENGTH + bulk, rest, scratch, 0) != rest) {
                throw new IllegalStateException("unexpected AES/CTR output length");
            }
            if (e.gcm.doFinal(scratch, 0, rest, e.tail, 0) != rest + SIGNATURE_LENGTH) {
                throw new IllegalStateException("unexpected AES/GCM output length");
            }
            byte[] tag = java.util.Arrays.copyOfRange(e.tail, rest, rest + SIGNATURE_LENGTH);
            long bits = 8L * len;
            AesModes.xorGfMul(bits, bits, hHi, hLo, tag, 0);
            AesModes.release(scratch, e.small);
            pool.give(e);
            return tag;
        } catch (GeneralSecurityException ex) {
            throw new IllegalStateException("AES-GMAC failed", ex);
        }
    }

    /** Short messages: the JCE's GCM with the message as AAD and no plaintext, literally GMAC. */
    private byte[] direct(Engine e, byte[] nonce, byte[] msg, int off, int len, byte[] signatureField) {
        try {
            AesModes.initGcmEncrypt(e.gcm, key, nonce);
            e.gcm.updateAAD(msg, off, SIGNATURE_OFFSET);
            e.gcm.updateAAD(signatureField, 0, SIGNATURE_LENGTH);
            e.gcm.updateAAD(msg, off + HEADER_LENGTH, len - HEADER_LENGTH);
            if (e.gcm.doFinal(e.tail, 0) != SIGNATURE_LENGTH) {
                throw new IllegalStateException("unexpected AES/GCM output length");
            }
            byte[] tag = java.util.Arrays.copyOf(e.tail, SIGNATURE_LENGTH);
            pool.give(e);
            return tag;
        } catch (GeneralSecurityException ex) {
            throw new IllegalStateException("AES-GMAC failed", ex);
        }
    }

    /** CTR then GCM-encrypt {@code len} bytes (a multiple of 16), chunk by chunk, output discarded. */
    private static void feed(Engine e, byte[] in, int off, int len, byte[] scratch, int chunk)
            throws GeneralSecurityException {
        while (len > 0) {
            int n = Math.min(len, chunk);
            if (e.ctr.update(in, off, n, scratch, 0) != n || e.gcm.update(scratch, 0, n, scratch, chunk) != n) {
                throw new IllegalStateException("unexpected AES/CTR or AES/GCM output length");
            }
            off += n;
            len -= n;
        }
    }
}
