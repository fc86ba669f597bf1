package org.bossa.smb2.crypto;

import java.security.SecureRandom;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Encrypts and decrypts SMB2 messages in an SMB2 TRANSFORM_HEADER (MS-SMB2 2.2.41, 3.1.4.3, 3.3.4.1.4,
 * 3.3.5.2.1.1).
 *
 * <pre>
 * offset size field
 *      0    4 ProtocolId          0xFD 'S' 'M' 'B'
 *      4   16 Signature           the AEAD tag
 *     20   16 Nonce               CCM: 11 bytes used, GCM: 12 bytes used; the rest zero when we send
 *     36    4 OriginalMessageSize length of the plaintext message (u32 LE)
 *     40    2 Reserved            0
 *     42    2 Flags               0x0001 Encrypted (3.0.x: EncryptionAlgorithm 0x0001 AES-128-CCM, same value)
 *     44    8 SessionId           u64 LE
 *     52      encrypted message
 * </pre>
 * The additional authenticated data are the 32 bytes from Nonce through SessionId.
 *
 * <p><b>Nonces.</b> The nonce never repeats under one encryption key of one codec: it is a 64-bit (GCM) or
 * 56-bit (CCM) little-endian message counter followed by a 4-byte random salt drawn from {@link SecureRandom}
 * when the codec is made. The counter is an atomic, so concurrent encryptions get distinct nonces; when it would
 * wrap, {@link #encrypt} throws {@link IllegalStateException} (2^56 messages: unreachable in practice). The salt
 * guards against two codecs made with the same key. A session's EncryptionKey is shared by all channels
 * (multichannel), so the server should keep <em>one codec per session</em> and use it on every channel.
 *
 * <p><b>Thread safety.</b> Instances are immutable apart from the atomic counter and use pooled engines: safe
 * for concurrent use by any number of virtual threads.
 */
public final class TransformCodec {

    /** Length of the TRANSFORM_HEADER. */
    public static final int HEADER_LENGTH = 52;
    /** ProtocolId as a little-endian u32 (bytes FD 53 4D 42). */
    public static final int PROTOCOL_ID = 0x424D53FD;
    /** Flags value: Encrypted. */
    public static final int FLAG_ENCRYPTED = 0x0001;
    /**
     * Largest OriginalMessageSize accepted or produced: the whole transform message must fit the 24-bit length
     * of the Direct TCP transport header (MS-SMB2 2.1).
     */
    public static final int MAX_ORIGINAL_MESSAGE_SIZE = 0x00FF_FFFF - HEADER_LENGTH;

    static final int SIGNATURE_OFFSET = 4;
    static final int NONCE_OFFSET = 20;
    static final int NONCE_FIELD_LENGTH = 16;
    static final int ORIGINAL_SIZE_OFFSET = 36;
    static final int FLAGS_OFFSET = 42;
    static final int SESSION_ID_OFFSET = 44;
    static final int AAD_OFFSET = NONCE_OFFSET;
    static final int AAD_LENGTH = HEADER_LENGTH - NONCE_OFFSET;

    private static final int SALT_LENGTH = 4;

    private final CipherId cipher;
    private final Aead sealer;
    private final Aead opener;
    private final byte[] salt = new byte[SALT_LENGTH];
    private final AtomicLong counter = new AtomicLong();
    private final int counterBytes;
    /** Counter values are 0 .. limit-1 (unsigned); GCM: 2^64-1 values, CCM: 2^56. */
    private final long limit;

    /**
     * @param cipher the connection's cipher
     * @param encryptionKey Session.EncryptionKey, for messages this side sends (server: server to client)
     * @param decryptionKey Session.DecryptionKey, for messages this side receives
     */
    public TransformCodec(CipherId cipher, byte[] encryptionKey, byte[] decryptionKey) {
        this.cipher = Objects.requireNonNull(cipher, "cipher");
        this.sealer = Aead.of(cipher, encryptionKey);
        this.opener = Aead.of(cipher, decryptionKey);
        this.counterBytes = cipher.nonceLength() - SALT_LENGTH;
        this.limit = counterBytes == 8 ? -1L : 1L << (8 * counterBytes);
        new SecureRandom().nextBytes(salt);
    }

    public CipherId cipher() {
        return cipher;
    }

    /**
     * Encrypts one SMB2 message (or compound chain) and returns the whole transform message: the 52-byte
     * header followed by the ciphertext.
     *
     * @param plain buffer holding the plaintext message
     * @param sessionId the SessionId to put in the header
     * @throws IllegalArgumentException if the range is out of bounds, empty or larger than
     *     {@link #MAX_ORIGINAL_MESSAGE_SIZE}
     */
    public byte[] encrypt(byte[] plain, int off, int len, long sessionId) {
        byte[] nonceField = new byte[NONCE_FIELD_LENGTH];
        nextNonce(nonceField);
        return encrypt(plain, off, len, sessionId, nonceField);
    }

    /**
     * Encrypts with an explicit 16-byte Nonce field, for published test vectors only: the cipher uses its first
     * 11 (CCM) or 12 (GCM) bytes, and all 16 go on the wire and into the AAD.
     */
    byte[] encrypt(byte[] plain, int off, int len, long sessionId, byte[] nonceField) {
        if (plain == null || off < 0 || len <= 0 || off > plain.length - len) {
            throw new IllegalArgumentException("plaintext range out of bounds: off=" + off + " len=" + len);
        }
        if (len > MAX_ORIGINAL_MESSAGE_SIZE) {
            throw new IllegalArgumentException("message too large to encrypt: " + len);
        }
        if (nonceField.length != NONCE_FIELD_LENGTH) {
            throw new IllegalArgumentException("nonce field must be 16 bytes");
        }
        byte[] out = new byte[HEADER_LENGTH + len];
        putLe32(out, 0, PROTOCOL_ID);
        System.arraycopy(nonceField, 0, out, NONCE_OFFSET, NONCE_FIELD_LENGTH);
        putLe32(out, ORIGINAL_SIZE_OFFSET, len);
        out[FLAGS_OFFSET] = (byte) FLAG_ENCRYPTED;
        putLe64(out, SESSION_ID_OFFSET, sessionId);
        byte[] nonce = java.util.Arrays.copyOf(nonceField, cipher.nonceLength());
        sealer.seal(nonce, out, AAD_OFFSET, AAD_LENGTH, plain, off, len, out, HEADER_LENGTH, SIGNATURE_OFFSET);
        return out;
    }

    /**
     * Checks and decrypts one transform message and returns the plaintext SMB2 message (or compound chain).
     * The caller matches the SessionId ({@link #sessionIdOf}) to pick the codec first.
     *
     * @throws TransformException if the input is out of bounds, shorter than the header, has a wrong
     *     ProtocolId or Flags, an OriginalMessageSize other than {@code len - 52} (or zero, or above
     *     {@link #MAX_ORIGINAL_MESSAGE_SIZE}), or fails authentication
     */
    public byte[] decrypt(byte[] msg, int off, int len) throws TransformException {
        if (msg == null || off < 0 || len < 0 || off > msg.length - len) {
            throw new TransformException("transform message out of bounds");
        }
        if (len < HEADER_LENGTH) {
            throw new TransformException("transform message truncated");
        }
        if (le32(msg, off) != PROTOCOL_ID) {
            throw new TransformException("not a transform header");
        }
        int flags = (msg[off + FLAGS_OFFSET] & 0xFF) | (msg[off + FLAGS_OFFSET + 1] & 0xFF) << 8;
        if (flags != FLAG_ENCRYPTED) {
            throw new TransformException("transform flags not Encrypted");
        }
        long originalSize = le32(msg, off + ORIGINAL_SIZE_OFFSET) & 0xFFFF_FFFFL;
        if (originalSize == 0 || originalSize > MAX_ORIGINAL_MESSAGE_SIZE) {
            throw new TransformException("transform OriginalMessageSize out of range");
        }
        if (originalSize != len - HEADER_LENGTH) {
            throw new TransformException("transform OriginalMessageSize does not match the message length");
        }
        byte[] nonce = new byte[cipher.nonceLength()];
        System.arraycopy(msg, off + NONCE_OFFSET, nonce, 0, nonce.length);
        return opener.open(nonce, msg, off + AAD_OFFSET, AAD_LENGTH, msg, off + HEADER_LENGTH,
                (int) originalSize, msg, off + SIGNATURE_OFFSET);
    }

    /**
     * The SessionId of a transform message, to find the session (and its codec) before decrypting.
     *
     * @throws TransformException if fewer than 52 bytes follow {@code off} or the ProtocolId is wrong
     */
    public static long sessionIdOf(byte[] msg, int off) throws TransformException {
        if (msg == null || off < 0 || off > msg.length - HEADER_LENGTH) {
            throw new TransformException("transform message truncated");
        }
        if (le32(msg, off) != PROTOCOL_ID) {
            throw new TransformException("not a transform header");
        }
        long v = 0;
        for (int i = 7; i >= 0; i--) {
            v = (v << 8) | (msg[off + SESSION_ID_OFFSET + i] & 0xFF);
        }
        return v;
    }

    private void nextNonce(byte[] nonceField) {
        long c;
        do {
            c = counter.get();
            if (c == limit) {
                throw new IllegalStateException("encryption nonces exhausted for this key; re-key the session");
            }
        } while (!counter.compareAndSet(c, c + 1));
        for (int i = 0; i < counterBytes; i++) {
            nonceField[i] = (byte) (c >>> (8 * i));
        }
        System.arraycopy(salt, 0, nonceField, counterBytes, SALT_LENGTH);
    }

    private static int le32(byte[] b, int off) {
        return (b[off] & 0xFF) | (b[off + 1] & 0xFF) << 8 | (b[off + 2] & 0xFF) << 16 | (b[off + 3] & 0xFF) << 24;
    }

    private static void putLe32(byte[] b, int off, int v) {
        b[off] = (byte) v;
        b[off + 1] = (byte) (v >>> 8);
        b[off + 2] = (byte) (v >>> 16);
        b[off + 3] = (byte) (v >>> 24);
    }

    private static void putLe64(byte[] b, int off, long v) {
        for (int i = 0; i < 8; i++) {
            b[off + i] = (byte) (v >>> (8 * i));
        }
    }
}
