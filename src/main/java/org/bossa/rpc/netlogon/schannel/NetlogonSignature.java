package org.bossa.rpc.netlogon.schannel;

/**
 * NL_AUTH_SHA2_SIGNATURE (MS-NRPC 2.2.1.3.3), the auth_value of each request and response PDU on an
 * AES secure channel: SignatureAlgorithm (2, 0x0013 HMAC-SHA256), SealAlgorithm (2, 0x001A AES-128 or
 * 0xFFFF), Pad (2, 0xFFFF), Flags (2, zero), SequenceNumber (8, encrypted), Checksum (8), Confounder
 * (8, encrypted; zero when not sealing) and Reserved (24). The layout constants live here; the
 * computations are in {@link NetlogonMessageProtection}.
 *
 * <p>The size is 56 bytes whether or not the PDU is sealed: Samba sends 56 in both cases and
 * accepts 48 (no confounder) when only signing, and so does this implementation.
 */
final class NetlogonSignature {

    /** Bytes of the signature this side sends. */
    static final int SIZE = 56;
    /** The least a peer may send when signing only: header, sequence, checksum and Reserved. */
    static final int MIN_SIGNED_SIZE = 48;
    /** The least a peer may send when sealing: the confounder as well. */
    static final int MIN_SEALED_SIZE = 56;

    static final int SIGN_HMAC_SHA256 = 0x0013;
    static final int SEAL_AES128 = 0x001A;
    static final int SEAL_NONE = 0xFFFF;
    static final int PAD = 0xFFFF;

    /** Offsets inside the signature. */
    static final int HEADER_LENGTH = 8;
    static final int SEQUENCE_OFFSET = 8;
    static final int CHECKSUM_OFFSET = 16;
    static final int CHECKSUM_LENGTH = 8;
    /**
     * The confounder follows the 8 checksum bytes (offset 24), as Windows and Samba place it, not
     * after a 32-byte checksum field as older revisions of the specification drew it.
     */
    static final int CONFOUNDER_OFFSET = 24;
    static final int CONFOUNDER_LENGTH = 8;

    private NetlogonSignature() {
    }

    /** The first 8 bytes: algorithm, seal algorithm, pad, flags (little-endian 16-bit fields). */
    static byte[] header(boolean sealed) {
        int seal = sealed ? SEAL_AES128 : SEAL_NONE;
        return new byte[] {
            (byte) SIGN_HMAC_SHA256, (byte) (SIGN_HMAC_SHA256 >>> 8),
            (byte) seal, (byte) (seal >>> 8),
            (byte) PAD, (byte) (PAD >>> 8),
            0, 0
        };
    }
}
