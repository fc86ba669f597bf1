package org.bossa.smb2.crypto;

import java.security.GeneralSecurityException;
import java.util.Arrays;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * One direction's AEAD (AES-CCM or AES-GCM with a 16-byte tag) under one key. Thread-safe: engines come from a
 * pool. The tag travels apart from the ciphertext (in the TRANSFORM_HEADER Signature field).
 *
 * <p>Both are built from the JCE's intrinsified AES modes fed in chunks (see {@link AesModes}): AES/GCM
 * encryption, AES/CTR and AES/CBC.
 */
abstract sealed class Aead permits Aead.Gcm, Aead.Ccm {

    static final int TAG_LENGTH = 16;

    static Aead of(CipherId cipher, byte[] key) {
        if (key == null || key.length != cipher.keyLength()) {
            throw new IllegalArgumentException(cipher + " needs a " + cipher.keyLength() + "-byte key");
        }
        return cipher.isGcm() ? new Gcm(key) : new Ccm(key);
    }

    /**
     * Encrypts {@code in[inOff..inOff+len)} into {@code out[outOff..outOff+len)} and writes the tag into
     * {@code out[tagOff..tagOff+16)}; {@code aad} is authenticated. {@code out} must not overlap {@code in}.
     */
    abstract void seal(byte[] nonce, byte[] aad, int aadOff, int aadLen, byte[] in, int inOff, int len,
            byte[] out, int outOff, int tagOff);

    /**
     * Authenticates and decrypts; returns the plaintext, or throws if the tag does not match. The plaintext is
     * produced into a fresh array that is handed out only after the tag has been checked (and wiped if not).
     */
    abstract byte[] open(byte[] nonce, byte[] aad, int aadOff, int aadLen, byte[] ct, int ctOff, int len,
            byte[] tag, int tagOff) throws TransformException;

    /**
     * AES-GCM. Encryption: the JCE's AES/GCM in chunked update calls. Decryption: the JCE's GCM decryption holds
     * all output back until doFinal and then runs it in one call (slow for long messages, see
     * {@link AesModes}), so instead the ciphertext is decrypted with AES/CTR from inc32(J0) = nonce || 2 (the
     * same keystream) in chunks, and the plaintext is re-encrypted with AES/GCM into a scratch buffer, which
     * reproduces the ciphertext and yields the expected tag; it is compared in constant time. Messages up to
     * {@link AesModes#DIRECT_MAX} bytes use the JCE's GCM decryption directly (cheaper per message).
     */
    static final class Gcm extends Aead {
        private final SecretKeySpec key;
        private final EnginePool<Engine> pool = new EnginePool<>(Engine::new);

        private static final class Engine {
            final Cipher gcm = AesModes.cipher("AES/GCM/NoPadding");
            final Cipher ctr = AesModes.cipher("AES/CTR/NoPadding");
            final byte[] tail = new byte[48];
            final byte[] small = AesModes.newSmallScratch();
        }

        Gcm(byte[] key) {
            this.key = new SecretKeySpec(key.clone(), "AES");
        }

        @Override
        void seal(byte[] nonce, byte[] aad, int aadOff, int aadLen, byte[] in, int inOff, int len,
                byte[] out, int outOff, int tagOff) {
            Engine e = pool.take();
            try {
                // Keeps the JCE's refusal of a repeated key and nonce: a real encryption must never repeat one.
                e.gcm.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_LENGTH * 8, nonce));
                e.gcm.updateAAD(aad, aadOff, aadLen);
                int bulk = len & ~15;
                for (int done = 0; done < bulk; ) {
                    int n = Math.min(bulk - done, AesModes.CHUNK);
                    if (e.gcm.update(in, inOff + done, n, out, outOff + done) != n) {
                        throw new IllegalStateException("unexpected AES-GCM output length");
                    }
                    done += n;
                }
                int rest = len - bulk;
                if (e.gcm.doFinal(in, inOff + bulk, rest, e.tail, 0) != rest + TAG_LENGTH) {
                    throw new IllegalStateException("unexpected AES-GCM output length");
                }
                System.arraycopy(e.tail, 0, out, outOff + bulk, rest);
                System.arraycopy(e.tail, rest, out, tagOff, TAG_LENGTH);
                pool.give(e);
            } catch (GeneralSecurityException ex) {
                throw new IllegalStateException("AES-GCM encryption failed", ex);
            }
        }

        @Override
        byte[] open(byte[] nonce, byte[] aad, int aadOff, int aadLen, byte[] ct, int ctOff, int len,
                byte[] tag, int tagOff) throws TransformException {
            Engine e = pool.take();
            if (len <= AesModes.DIRECT_MAX) {
                return openDirect(e, nonce, aad, aadOff, aadLen, ct, ctOff, len, tag, tagOff);
            }
            byte[] scratch = AesModes.scratchFor(len, e.small);
            byte[] plain = new byte[len];
            boolean ok;
            try {
                byte[] counter = Arrays.copyOf(nonce, 16);
                counter[15] = 2;
                e.ctr.init(Cipher.ENCRYPT_MODE, key, new IvParameterSpec(counter));
                AesModes.initGcmEncrypt(e.gcm, key, nonce);
                e.gcm.updateAAD(aad, aadOff, aadLen);
                int chunk = scratch.length / 2;
                int bulk = len & ~15;
                for (int done = 0; done < bulk; ) {
                    int n = Math.min(bulk - done, chunk);
                    if (e.ctr.update(ct, ctOff + done, n, plain, done) != n
                            || e.gcm.update(plain, done, n, scratch, 0) != n) {
                        throw new IllegalStateException("unexpected AES/CTR or AES/GCM output length");
                    }
                    done += n;
                }
                int rest = len - bulk;
                if (e.ctr.doFinal(ct, ctOff + bulk, rest, plain, bulk) != rest
                        || e.gcm.doFinal(plain, bulk, rest, e.tail, 0) != rest + TAG_LENGTH) {
                    throw new IllegalStateException("unexpected AES/CTR or AES/GCM output length");
                }
                ok = AesModes.tagEquals(e.tail, rest, tag, tagOff);
            } catch (GeneralSecurityException ex) {
                throw new IllegalStateException("AES-GCM decryption failed", ex);
            }
            AesModes.release(scratch, e.small);
            pool.give(e);
            if (!ok) {
                Arrays.fill(plain, (byte) 0);
                throw new TransformException("message authentication failed");
            }
            return plain;
        }

        /** Short messages: the JCE's own GCM decryption, which holds the plaintext back until the tag checks. */
        private byte[] openDirect(Engine e, byte[] nonce, byte[] aad, int aadOff, int aadLen, byte[] ct, int ctOff,
                int len, byte[] tag, int tagOff) throws TransformException {
            try {
                e.gcm.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_LENGTH * 8, nonce));
                e.gcm.updateAAD(aad, aadOff, aadLen);
                byte[] plain = new byte[len];
                int n = e.gcm.update(ct, ctOff, len, plain, 0);
                n += e.gcm.doFinal(tag, tagOff, TAG_LENGTH, plain, n);
                if (n != len) {
                    throw new IllegalStateException("unexpected AES-GCM output length");
                }
                pool.give(e);
                return plain;
            } catch (AEADBadTagException bad) {
                pool.give(e); // the cipher resets itself after a failed doFinal; init precedes reuse
                throw new TransformException("message authentication failed");
            } catch (GeneralSecurityException ex) {
                throw new IllegalStateException("AES-GCM decryption failed", ex);
            }
        }
    }

    /**
     * AES-CCM (RFC 3610, NIST SP 800-38C) with SMB's 11-byte nonce (so a 4-byte length field, L = 4) and a
     * 16-byte tag: CBC-MAC with AES/CBC over B0 || encoded AAD || padded plaintext, and encryption with
     * AES/CTR from A1, A0's keystream block masking the tag. Both run in chunks, interleaved per chunk. The JCE
     * has no CCM.
     */
    static final class Ccm extends Aead {
        private static final int NONCE_LENGTH = 11;
        private final SecretKeySpec key;
        private final EnginePool<Engine> pool;

        private static final class Engine {
            final CbcMac mac;
            final Cipher ctr = AesModes.cipher("AES/CTR/NoPadding");
            final byte[] counter = new byte[16];
            final byte[] s0 = new byte[16];
            final byte[] block = new byte[16];
            byte[] head = new byte[64];
            final byte[] small = AesModes.newSmallScratch();

            Engine(SecretKeySpec key) {
                mac = new CbcMac(key);
            }
        }

        Ccm(byte[] key) {
            this.key = new SecretKeySpec(key.clone(), "AES");
            this.pool = new EnginePool<>(() -> new Engine(this.key));
        }

        /**
         * Absorbs B0 and the encoded AAD into the CBC-MAC and starts the CTR keystream at A0, saving S0 =
         * E(A0) for the tag; the next keystream block is S1 for the first plaintext block.
         */
        private void begin(Engine e, byte[] nonce, byte[] aad, int aadOff, int aadLen, int len, byte[] scratch)
                throws GeneralSecurityException {
            if (nonce.length != NONCE_LENGTH) {
                throw new IllegalArgumentException("AES-CCM nonce must be 11 bytes");
            }
            if (aadLen >= 0xFF00) {
                throw new IllegalArgumentException("AES-CCM AAD too long for the 2-byte encoding");
            }
            // B0: flags = Adata·64 + ((M-2)/2)·8 + (L-1) with M = 16, L = 4; then nonce; then the length
            int headLen = 16 + (aadLen == 0 ? 0 : (2 + aadLen + 15) & ~15);
            if (e.head.length < headLen) {
                e.head = new byte[headLen];
            }
            byte[] head = e.head;
            Arrays.fill(head, 0, headLen, (byte) 0);
            head[0] = (byte) ((aadLen > 0 ? 0x40 : 0) | ((TAG_LENGTH - 2) / 2) << 3 | (15 - NONCE_LENGTH - 1));
            System.arraycopy(nonce, 0, head, 1, NONCE_LENGTH);
            AesModes.putBe32(head, 12, len);
            if (aadLen > 0) {
                head[16] = (byte) (aadLen >>> 8);
                head[17] = (byte) aadLen;
                System.arraycopy(aad, aadOff, head, 18, aadLen);
            }
            e.mac.update(head, 0, headLen, scratch);

            byte[] counter = e.counter;
            Arrays.fill(counter, (byte) 0);
            counter[0] = (byte) (15 - NONCE_LENGTH - 1); // flags = L-1; counter i in the last 4 bytes, i = 0
            System.arraycopy(nonce, 0, counter, 1, NONCE_LENGTH);
            e.ctr.init(Cipher.ENCRYPT_MODE, key, new IvParameterSpec(counter));
            Arrays.fill(e.s0, (byte) 0);
            if (e.ctr.update(e.s0, 0, 16, e.s0, 0) != 16) { // S0 = E(A0)
                throw new IllegalStateException("unexpected AES/CTR output length");
            }
        }

        /** The partial last plaintext block, zero-padded, into the CBC-MAC. */
        private static void macPartial(Engine e, byte[] in, int off, int n) throws GeneralSecurityException {
            if (n > 0) {
                Arrays.fill(e.block, (byte) 0);
                System.arraycopy(in, off, e.block, 0, n);
                e.mac.updateBlock(e.block, 0);
            }
        }

        @Override
        void seal(byte[] nonce, byte[] aad, int aadOff, int aadLen, byte[] in, int inOff, int len,
                byte[] out, int outOff, int tagOff) {
            Engine e = pool.take();
            byte[] scratch = AesModes.scratchFor(len, e.small);
            try {
                begin(e, nonce, aad, aadOff, aadLen, len, scratch);
                int chunk = scratch.length / 2;
                int bulk = len & ~15;
                for (int done = 0; done < bulk; ) {
                    int n = Math.min(bulk - done, chunk);
                    e.mac.update(in, inOff + done, n, scratch);
                    if (e.ctr.update(in, inOff + done, n, out, outOff + done) != n) {
                        throw new IllegalStateException("unexpected AES/CTR output length");
                    }
                    done += n;
                }
                int rest = len - bulk;
                macPartial(e, in, inOff + bulk, rest);
                if (e.ctr.doFinal(in, inOff + bulk, rest, out, outOff + bulk) != rest) {
                    throw new IllegalStateException("unexpected AES/CTR output length");
                }
                byte[] t = e.mac.chain();
                for (int i = 0; i < TAG_LENGTH; i++) {
                    out[tagOff + i] = (byte) (t[i] ^ e.s0[i]);
                }
                e.mac.reset();
                AesModes.release(scratch, e.small);
                pool.give(e);
            } catch (GeneralSecurityException ex) {
                throw new IllegalStateException("AES-CCM encryption failed", ex);
            }
        }

        @Override
        byte[] open(byte[] nonce, byte[] aad, int aadOff, int aadLen, byte[] ct, int ctOff, int len,
                byte[] tag, int tagOff) throws TransformException {
            Engine e = pool.take();
            byte[] scratch = AesModes.scratchFor(len, e.small);
            byte[] plain = new byte[len];
            boolean ok;
            try {
                begin(e, nonce, aad, aadOff, aadLen, len, scratch);
                int chunk = scratch.length / 2;
                int bulk = len & ~15;
                for (int done = 0; done < bulk; ) {
                    int n = Math.min(bulk - done, chunk);
                    if (e.ctr.update(ct, ctOff + done, n, plain, done) != n) {
                        throw new IllegalStateException("unexpected AES/CTR output length");
                    }
                    e.mac.update(plain, done, n, scratch);
                    done += n;
                }
                int rest = len - bulk;
                if (e.ctr.doFinal(ct, ctOff + bulk, rest, plain, bulk) != rest) {
                    throw new IllegalStateException("unexpected AES/CTR output length");
                }
                macPartial(e, plain, bulk, rest);
                byte[] t = e.mac.chain();
                byte[] expected = e.block; // free again once the last block is absorbed
                for (int i = 0; i < TAG_LENGTH; i++) {
                    expected[i] = (byte) (t[i] ^ e.s0[i]);
                }
                ok = AesModes.tagEquals(expected, 0, tag, tagOff);
                e.mac.reset();
            } catch (GeneralSecurityException ex) {
                throw new IllegalStateException("AES-CCM decryption failed", ex);
            }
            AesModes.release(scratch, e.small);
            pool.give(e);
            if (!ok) {
                Arrays.fill(plain, (byte) 0);
                throw new TransformException("message authentication failed");
            }
            return plain;
        }
    }
}
