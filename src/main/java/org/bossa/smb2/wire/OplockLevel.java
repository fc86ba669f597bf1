package org.bossa.smb2.wire;

/**
 * Oplock levels: RequestedOplockLevel of the CREATE Request (MS-SMB2 2.2.13), OplockLevel of the CREATE
 * Response (2.2.14) and of the oplock break messages (2.2.23.1, 2.2.24.1, 2.2.25.1).
 */
public enum OplockLevel {
    /** SMB2_OPLOCK_LEVEL_NONE. */
    NONE(0x00),
    /** SMB2_OPLOCK_LEVEL_II. */
    LEVEL_II(0x01),
    /** SMB2_OPLOCK_LEVEL_EXCLUSIVE. */
    EXCLUSIVE(0x08),
    /** SMB2_OPLOCK_LEVEL_BATCH. */
    BATCH(0x09),
    /** SMB2_OPLOCK_LEVEL_LEASE: a lease is requested or granted through the RqLs create context. */
    LEASE(0xFF);

    private final int code;

    OplockLevel(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    /** The level for a wire value; an unknown one is STATUS_INVALID_PARAMETER. */
    public static OplockLevel decode(int code) {
        for (OplockLevel l : values()) {
            if (l.code == code) {
                return l;
            }
        }
        throw new WireFormatException(NtStatus.INVALID_PARAMETER, "oplock level " + code);
    }
}
