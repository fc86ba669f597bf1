package org.bossa.smb2.crypto;

/** Header handling shared by the signers; subclasses compute the 16-byte MAC. */
abstract sealed class AbstractSigner implements MessageSigner
        permits HmacSha256Signer, AesCmacSigner, AesGmacSigner {

    static final byte[] ZERO_SIGNATURE = new byte[SIGNATURE_LENGTH];

    static void requireAesKey(byte[] key) {
        if (key.length != 16) {
            throw new IllegalArgumentException("AES-128 signing key must be 16 bytes, not " + key.length);
        }
    }

    @Override
    public final void sign(byte[] msg, int off, int len) {
        if (!inBounds(msg, off, len)) {
            throw new IllegalArgumentException("not a whole SMB2 message: off=" + off + " len=" + len);
        }
        msg[off + FLAGS_OFFSET] |= (byte) FLAG_SIGNED;
        java.util.Arrays.fill(msg, off + SIGNATURE_OFFSET, off + SIGNATURE_OFFSET + SIGNATURE_LENGTH, (byte) 0);
        byte[] mac = computeSignature(msg, off, len, ZERO_SIGNATURE);
        System.arraycopy(mac, 0, msg, off + SIGNATURE_OFFSET, SIGNATURE_LENGTH);
    }

    @Override
    public boolean verify(byte[] msg, int off, int len) {
        if (!inBounds(msg, off, len)) {
            return false;
        }
        byte[] mac = computeSignature(msg, off, len, ZERO_SIGNATURE);
        return AesModes.tagEquals(mac, 0, msg, off + SIGNATURE_OFFSET);
    }

    /**
     * Computes the 16-byte signature of the message as if its signature field held {@code signatureField};
     * does not modify {@code msg}. Feed the MAC in three parts: header before the signature, the substitute
     * field, the rest.
     */
    abstract byte[] computeSignature(byte[] msg, int off, int len, byte[] signatureField);

    static boolean inBounds(byte[] msg, int off, int len) {
        return msg != null && off >= 0 && len >= HEADER_LENGTH && off <= msg.length - len;
    }

    static long messageId(byte[] msg, int off) {
        long v = 0;
        for (int i = 7; i >= 0; i--) {
            v = (v << 8) | (msg[off + MESSAGE_ID_OFFSET + i] & 0xFF);
        }
        return v;
    }
}
