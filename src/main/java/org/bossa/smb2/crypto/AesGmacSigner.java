package org.bossa.smb2.crypto;

import java.security.GeneralSecurityException;
import java.security.InvalidAlgorithmParameterException;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * SMB 3.1.1 signing with AES-128-GMAC (RFC 4543), MS-SMB2 3.1.4.1: AES-GCM over an empty plaintext with the
 * whole message as additional authenticated data; the 16-byte tag is the signature.
 *
 * <p>The 12-byte nonce is MessageId (8 bytes, little-endian, as in the header) followed by a 32-bit
 * little-endian word whose bit 0 is set when the sender is the server (the message carries
 * SMB2_FLAGS_SERVER_TO_REDIR) and bit 1 is set for an SMB2 CANCEL request; the other 30 bits are zero.
 *
 * <p>Uses the JCE AES/GCM (GHASH intrinsics). Verification runs the cipher in decrypt mode with the received
 * signature as the tag, so the comparison is the JCE's constant-time tag check.
 */
final class AesGmacSigner extends AbstractSigner {

    private static final String TRANSFORMATION = "AES/GCM/NoPadding";
    private static final int NONCE_LENGTH = 12;

    private final SecretKeySpec key;
    private final EnginePool<Cipher> pool;

    AesGmacSigner(byte[] keyBytes) {
        requireAesKey(keyBytes);
        this.key = new SecretKeySpec(keyBytes.clone(), "AES");
        this.pool = new EnginePool<>(AesGmacSigner::newCipher);
    }

    private static Cipher newCipher() {
        try {
            return Cipher.getInstance(TRANSFORMATION);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES/GCM unavailable", e);
        }
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
        GCMParameterSpec spec = new GCMParameterSpec(SIGNATURE_LENGTH * 8, nonce(msg, off));
        Cipher cipher = pool.take();
        try {
            try {
                cipher.init(Cipher.ENCRYPT_MODE, key, spec);
            } catch (InvalidAlgorithmParameterException reuse) {
                // The JCE refuses to encrypt twice in a row with the same key and nonce on one instance. That
                // happens only when the same message (same MessageId and role) is signed again; GMAC over an
                // identical input is harmless, so take a fresh instance.
                cipher = newCipher();
                cipher.init(Cipher.ENCRYPT_MODE, key, spec);
            }
            feedAad(cipher, msg, off, len, signatureField);
            byte[] tag = cipher.doFinal();
            pool.give(cipher);
            return tag;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GMAC failed", e);
        }
    }

    @Override
    public boolean verify(byte[] msg, int off, int len) {
        if (!inBounds(msg, off, len)) {
            return false;
        }
        GCMParameterSpec spec = new GCMParameterSpec(SIGNATURE_LENGTH * 8, nonce(msg, off));
        Cipher cipher = pool.take();
        try {
            cipher.init(Cipher.DECRYPT_MODE, key, spec);
            feedAad(cipher, msg, off, len, ZERO_SIGNATURE);
            cipher.doFinal(msg, off + SIGNATURE_OFFSET, SIGNATURE_LENGTH);
            pool.give(cipher);
            return true;
        } catch (AEADBadTagException bad) {
            pool.give(cipher); // the cipher resets itself after doFinal, even a failed one; init precedes reuse
            return false;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GMAC failed", e);
        }
    }

    private static void feedAad(Cipher cipher, byte[] msg, int off, int len, byte[] signatureField) {
        cipher.updateAAD(msg, off, SIGNATURE_OFFSET);
        cipher.updateAAD(signatureField, 0, SIGNATURE_LENGTH);
        cipher.updateAAD(msg, off + HEADER_LENGTH, len - HEADER_LENGTH);
    }
}
