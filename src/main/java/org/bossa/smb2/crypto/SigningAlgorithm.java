package org.bossa.smb2.crypto;

/** Signing algorithm identifiers of the SMB2_SIGNING_CAPABILITIES negotiate context (MS-SMB2 2.2.3.1.7). */
public enum SigningAlgorithm {
    /** HMAC-SHA256, truncated to 16 bytes: dialects 2.0.2 and 2.1. */
    HMAC_SHA256(0x0000),
    /** AES-128-CMAC (RFC 4493): dialects 3.0, 3.0.2, and 3.1.1 without signing capabilities. */
    AES_CMAC(0x0001),
    /** AES-128-GMAC (RFC 4543): 3.1.1 when negotiated. */
    AES_GMAC(0x0002);

    private final int code;

    SigningAlgorithm(int code) {
        this.code = code;
    }

    /** The 16-bit algorithm id on the wire. */
    public int code() {
        return code;
    }

    /** The algorithm with this wire id, or {@code null} if the id is unknown. */
    public static SigningAlgorithm fromCode(int code) {
        for (SigningAlgorithm a : values()) {
            if (a.code == code) {
                return a;
            }
        }
        return null;
    }
}
