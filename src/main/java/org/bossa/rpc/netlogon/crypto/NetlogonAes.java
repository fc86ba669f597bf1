package org.bossa.rpc.netlogon.crypto;

import java.security.GeneralSecurityException;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The two primitives the AES secure channel is built from (MS-NRPC 3.1.4.3.1, 3.1.4.4.1, 3.3.4.2):
 * AES-128 in 8-bit cipher feedback mode and HMAC-SHA256, both from the JCE. Every call works on the
 * caller's bytes in place where it can, so keys and plaintext are not copied around.
 */
public final class NetlogonAes {

    /** AES-128: the session key and every key derived from it are 16 bytes. */
    public static final int KEY_SIZE = 16;
    /** The CFB8 register: 16 bytes. */
    public static final int IV_SIZE = 16;

    private static final byte[] ZERO_IV = new byte[IV_SIZE];

    private NetlogonAes() {
    }

    /** AES-128-CFB8 encryption of {@code data[off, off+len)} in place. */
    public static void cfb8Encrypt(byte[] key, byte[] iv, byte[] data, int off, int len) {
        new Cfb8(key).run(true, iv, data, off, len);
    }

    /** AES-128-CFB8 decryption of {@code data[off, off+len)} in place. */
    public static void cfb8Decrypt(byte[] key, byte[] iv, byte[] data, int off, int len) {
        new Cfb8(key).run(false, iv, data, off, len);
    }

    /** AES-128-CFB8 with an all-zero IV, the form credentials and NL_TRUST_PASSWORD use (3.1.4.4.1). */
    public static void cfb8EncryptZeroIv(byte[] key, byte[] data, int off, int len) {
        cfb8Encrypt(key, ZERO_IV, data, off, len);
    }

    /** A 16-byte IV made of {@code half} (8 bytes) twice, as the sequence number and sealing steps build it. */
    public static byte[] doubledIv(byte[] half, int off) {
        byte[] iv = new byte[IV_SIZE];
        System.arraycopy(half, off, iv, 0, 8);
        System.arraycopy(half, off, iv, 8, 8);
        return iv;
    }

    /** HMAC-SHA256 keyed with {@code key} over the concatenation of {@code parts}. */
    public static byte[] hmacSha256(byte[] key, byte[]... parts) {
        Mac mac = mac(key);
        for (byte[] part : parts) {
            mac.update(part);
        }
        return mac.doFinal();
    }

    /** A keyed HMAC-SHA256 the caller feeds in pieces. */
    public static Mac mac(byte[] key) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    /**
     * AES-128-CFB8 under one key, reusable: a security context that encrypts every message keeps one
     * instead of looking the cipher up in the JCE for each. Not thread-safe.
     */
    public static final class Cfb8 {
        private final SecretKeySpec key;
        private final Cipher cipher;

        /** @param key the 16-byte key (copied) */
        public Cfb8(byte[] key) {
            if (key.length != KEY_SIZE) {
                throw new IllegalArgumentException("AES-128-CFB8 needs a 16-byte key and IV");
            }
            this.key = new SecretKeySpec(key, "AES");
            try {
                this.cipher = Cipher.getInstance("AES/CFB8/NoPadding");
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("AES/CFB8 unavailable", e);
            }
        }

        /** Encrypts or decrypts {@code data[off, off+len)} in place. */
        public void run(boolean encrypt, byte[] iv, byte[] data, int off, int len) {
            init(encrypt, iv);
            if (len == 0) {
                return;
            }
            try {
                // CFB8 is a stream mode: output length equals input length, so in place is safe (the
                // JCE copies overlapping input first).
                check(cipher.doFinal(data, off, len, data, off), len);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("AES/CFB8 unavailable", e);
            }
        }

        /**
         * Encrypts or decrypts two separate ranges as one continuous stream, in place: {@code
         * a[aOff, aOff+aLen)} first, then {@code b[bOff, bOff+bLen)}. Sealing runs the confounder and
         * the data through one stream this way (MS-NRPC 3.3.4.2.1 step 8) without copying them together.
         */
        public void twoRanges(boolean encrypt, byte[] iv, byte[] a, int aOff, int aLen, byte[] b, int bOff, int bLen) {
            init(encrypt, iv);
            try {
                // CFB8 works byte by byte, so update returns every input byte at once and the stream
                // state carries over into the second range.
                int n = cipher.update(a, aOff, aLen, a, aOff);
                check(n + cipher.doFinal(b, bOff, bLen, b, bOff), aLen + bLen);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("AES/CFB8 unavailable", e);
            }
        }

        private void init(boolean encrypt, byte[] iv) {
            if (iv.length != IV_SIZE) {
                throw new IllegalArgumentException("AES-128-CFB8 needs a 16-byte key and IV");
            }
            try {
                cipher.init(encrypt ? Cipher.ENCRYPT_MODE : Cipher.DECRYPT_MODE, key, new IvParameterSpec(iv));
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("AES/CFB8 unavailable", e);
            }
        }

        private static void check(int n, int expected) {
            if (n != expected) {
                throw new IllegalStateException("AES/CFB8 returned " + n + " of " + expected + " bytes");
            }
        }
    }

    /** Overwrites a secret. */
    public static void wipe(byte[] secret) {
        if (secret != null) {
            Arrays.fill(secret, (byte) 0);
        }
    }
}
