package org.bossa.smb2.crypto;

/**
 * Signs and verifies SMB2 messages (MS-SMB2 3.1.4.1 and 3.1.5.1).
 *
 * <p>{@code msg[off..off+len)} is one whole SMB2 message, starting with its 64-byte header (for a compound
 * chain: one element, including its padding). The signature is the 16 bytes at header offset 48.
 *
 * <p>Implementations are thread-safe: one instance per key may be shared by all virtual threads of a
 * session/channel. Concurrent calls on the same {@code msg} bytes are of course not allowed.
 */
public interface MessageSigner {

    /** Offset of the Flags field (u32 LE) in the SMB2 header. */
    int FLAGS_OFFSET = 16;
    /** Offset of the Command field (u16 LE). */
    int COMMAND_OFFSET = 12;
    /** Offset of the MessageId field (u64 LE). */
    int MESSAGE_ID_OFFSET = 24;
    /** Offset of the 16-byte Signature field. */
    int SIGNATURE_OFFSET = 48;
    int SIGNATURE_LENGTH = 16;
    int HEADER_LENGTH = 64;
    /** SMB2_FLAGS_SERVER_TO_REDIR: the message is a response. */
    int FLAG_SERVER_TO_REDIR = 0x0000_0001;
    /** SMB2_FLAGS_SIGNED. */
    int FLAG_SIGNED = 0x0000_0008;
    /** SMB2 CANCEL command code. */
    int COMMAND_CANCEL = 0x000C;

    /**
     * Sets SMB2_FLAGS_SIGNED in the header, zeroes the signature field, computes the signature over the whole
     * message and writes it into the signature field.
     *
     * @throws IllegalArgumentException if the range is out of bounds or shorter than a header
     */
    void sign(byte[] msg, int off, int len);

    /**
     * Computes the signature with the signature field taken as zero and compares it, in constant time, with
     * the one in the message. The message is not modified. Returns false for a range shorter than a header or
     * out of bounds. Does not look at SMB2_FLAGS_SIGNED: the caller decides whether a signature is required.
     */
    boolean verify(byte[] msg, int off, int len);

    /** The signing algorithm this signer implements. */
    SigningAlgorithm algorithm();

    /**
     * Makes a signer.
     *
     * @param alg the algorithm
     * @param signingKey Session.SigningKey / Channel.SigningKey (2.x: Session.SessionKey); 16 bytes for the
     *     AES algorithms, non-empty for HMAC-SHA256
     */
    static MessageSigner of(SigningAlgorithm alg, byte[] signingKey) {
        if (alg == null) {
            throw new IllegalArgumentException("signing algorithm must not be null");
        }
        if (signingKey == null || signingKey.length == 0) {
            throw new IllegalArgumentException("signing key must not be empty");
        }
        return switch (alg) {
            case HMAC_SHA256 -> new HmacSha256Signer(signingKey);
            case AES_CMAC -> new AesCmacSigner(signingKey);
            case AES_GMAC -> new AesGmacSigner(signingKey);
        };
    }
}
