package org.bossa.smb2.crypto;

/** Encryption cipher identifiers of the SMB2_ENCRYPTION_CAPABILITIES negotiate context (MS-SMB2 2.2.3.1.2). */
public enum CipherId {
    AES_128_CCM(0x0001, 16),
    AES_128_GCM(0x0002, 16),
    AES_256_CCM(0x0003, 32),
    AES_256_GCM(0x0004, 32);

    private final int code;
    private final int keyLength;

    CipherId(int code, int keyLength) {
        this.code = code;
        this.keyLength = keyLength;
    }

    /** The 16-bit cipher id on the wire. */
    public int code() {
        return code;
    }

    /** Key length in bytes (16 or 32). */
    public int keyLength() {
        return keyLength;
    }

    /** True for the GCM ciphers (12-byte nonce), false for CCM (11-byte nonce). */
    public boolean isGcm() {
        return this == AES_128_GCM || this == AES_256_GCM;
    }

    /** Number of leading bytes of the 16-byte TRANSFORM_HEADER Nonce field the cipher uses (MS-SMB2 2.2.41). */
    public int nonceLength() {
        return isGcm() ? 12 : 11;
    }

    /** The cipher with this wire id, or {@code null} if the id is unknown. */
    public static CipherId fromCode(int code) {
        for (CipherId c : values()) {
            if (c.code == code) {
                return c;
            }
        }
        return null;
    }
}
