package org.bossa.smb2.wire;

/** ShareType of the SMB2 TREE_CONNECT Response (MS-SMB2 2.2.10). */
public enum ShareType {
    /** SMB2_SHARE_TYPE_DISK. */
    DISK(0x01),
    /** SMB2_SHARE_TYPE_PIPE (IPC$). */
    PIPE(0x02),
    /** SMB2_SHARE_TYPE_PRINT. */
    PRINT(0x03);

    private final int code;

    ShareType(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    /** The type for a wire value, or null for an unknown one. */
    public static ShareType fromCode(int code) {
        for (ShareType t : values()) {
            if (t.code == code) {
                return t;
            }
        }
        return null;
    }
}
