package org.bossa.smb2.crypto;

import java.security.GeneralSecurityException;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.modes.CCMBlockCipher;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * One direction's AEAD (AES-CCM or AES-GCM with a 16-byte tag) under one key. Thread-safe: engines come from a
 * pool. The tag travels apart from the ciphertext (in the TRANSFORM_HEADER Signature field).
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
     * {@code out[tagOff..tagOff+16)}; {@code aad} is authenticated.
     */
    abstract void seal(byte[] nonce, byte[] aad, int aadOff, int aadLen, byte[] in, int inOff, int len,
            byte[] out, int outOff, int tagOff);

    /** Authenticates and decrypts; returns the plaintext, or throws if the tag does not match. */
    abstract byte[] open(byte[] nonce, byte[] aad, int aadOff, int aadLen, byte[] ct, int ctOff, int len,
            byte[] tag, int tagOff) throws TransformException;

    /** AES-GCM through the JCE (AES-NI and CLMUL intrinsics). */
    static final class Gcm extends Aead {
        private static final String TRANSFORMATION = "AES/GCM/NoPadding";
        private final SecretKeySpec key;
        private final EnginePool<Cipher> pool = new EnginePool<>(Gcm::newCipher);

        Gcm(byte[] key) {
            this.key = new SecretKeySpec(key.clone(), "AES");
        }

        private static Cipher newCipher() {
            try {
                return Cipher.getInstance(TRANSFORMATION);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("AES/GCM unavailable", e);
            }
        }

        @Override
        void seal(byte[] nonce, byte[] aad, int aadOff, int aadLen, byte[] in, int inOff, int len,
                byte[] out, int outOff, int tagOff) {
            Cipher cipher = pool.take();
            try {
                cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_LENGTH * 8, nonce));
                cipher.updateAAD(aad, aadOff, aadLen);
                int n = cipher.update(in, inOff, len, out, outOff);
                byte[] rest = cipher.doFinal(); // the remaining ciphertext, then the tag
                int restCt = rest.length - TAG_LENGTH;
                if (restCt < 0 || n + restCt != len) {
                    throw new IllegalStateException("unexpected AES-GCM output length");
                }
                System.arraycopy(rest, 0, out, outOff + n, restCt);
                System.arraycopy(rest, restCt, out, tagOff, TAG_LENGTH);
                pool.give(cipher);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("AES-GCM encryption failed", e);
            }
        }

        @Override
        byte[] open(byte[] nonce, byte[] aad, int aadOff, int aadLen, byte[] ct, int ctOff, int len,
                byte[] tag, int tagOff) throws TransformException {
            Cipher cipher = pool.take();
            try {
                cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_LENGTH * 8, nonce));
                cipher.updateAAD(aad, aadOff, aadLen);
                byte[] plain = new byte[len];
                // Decryption output is held back until the tag is checked, so all of it comes from doFinal.
                int n = cipher.update(ct, ctOff, len, plain, 0);
                n += cipher.doFinal(tag, tagOff, TAG_LENGTH, plain, n);
                if (n != len) {
                    throw new IllegalStateException("unexpected AES-GCM output length");
                }
                pool.give(cipher);
                return plain;
            } catch (AEADBadTagException e) {
                pool.give(cipher);
                throw new TransformException("message authentication failed");
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("AES-GCM decryption failed", e);
            }
        }
    }

    /** AES-CCM through Bouncy Castle's lightweight CCMBlockCipher (the JCE has no CCM). */
    static final class Ccm extends Aead {
        private final KeyParameter key;
        private final EnginePool<CCMBlockCipher> pool =
                new EnginePool<>(() -> new CCMBlockCipher(AESEngine.newInstance()));

        Ccm(byte[] key) {
            this.key = new KeyParameter(key.clone());
        }

        private AEADParameters params(byte[] nonce, byte[] aad, int aadOff, int aadLen) {
            byte[] a = new byte[aadLen];
            System.arraycopy(aad, aadOff, a, 0, aadLen);
            return new AEADParameters(key, TAG_LENGTH * 8, nonce, a);
        }

        @Override
        void seal(byte[] nonce, byte[] aad, int aadOff, int aadLen, byte[] in, int inOff, int len,
                byte[] out, int outOff, int tagOff) {
            CCMBlockCipher ccm = pool.take();
            try {
                ccm.init(true, params(nonce, aad, aadOff, aadLen));
                byte[] sealed = new byte[len + TAG_LENGTH];
                int n = ccm.processPacket(in, inOff, len, sealed, 0);
                if (n != sealed.length) {
                    throw new IllegalStateException("unexpected AES-CCM output length");
                }
                ccm.reset();
                System.arraycopy(sealed, 0, out, outOff, len);
                System.arraycopy(sealed, len, out, tagOff, TAG_LENGTH);
                pool.give(ccm);
            } catch (InvalidCipherTextException e) {
                throw new IllegalStateException("AES-CCM encryption failed", e);
            }
        }

        @Override
        byte[] open(byte[] nonce, byte[] aad, int aadOff, int aadLen, byte[] ct, int ctOff, int len,
                byte[] tag, int tagOff) throws TransformException {
            CCMBlockCipher ccm = pool.take();
            byte[] sealed = new byte[len + TAG_LENGTH];
            System.arraycopy(ct, ctOff, sealed, 0, len);
            System.arraycopy(tag, tagOff, sealed, len, TAG_LENGTH);
            byte[] plain = new byte[len];
            try {
                ccm.init(false, params(nonce, aad, aadOff, aadLen));
                int n = ccm.processPacket(sealed, 0, sealed.length, plain, 0);
                ccm.reset();
                if (n != len) {
                    throw new IllegalStateException("unexpected AES-CCM output length");
                }
                pool.give(ccm);
                return plain;
            } catch (InvalidCipherTextException e) {
                ccm.reset();
                pool.give(ccm);
                throw new TransformException("message authentication failed");
            }
        }
    }
}
