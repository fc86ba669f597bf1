package org.bossa.smb2.wire;

/** InfoType of the QUERY_INFO and SET_INFO requests (MS-SMB2 2.2.37, 2.2.39). */
public enum InfoType {
    /** SMB2_0_INFO_FILE: an MS-FSCC 2.4 file information class. */
    FILE(0x01),
    /** SMB2_0_INFO_FILESYSTEM: an MS-FSCC 2.5 file system information class. */
    FILESYSTEM(0x02),
    /** SMB2_0_INFO_SECURITY: a security descriptor. */
    SECURITY(0x03),
    /** SMB2_0_INFO_QUOTA: quota entries. */
    QUOTA(0x04);

    private final int code;

    InfoType(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    /** MS-SMB2 3.3.5.20, 3.3.5.21: any other value is STATUS_INVALID_PARAMETER. */
    public static InfoType decode(int code) {
        return switch (code) {
            case 0x01 -> FILE;
            case 0x02 -> FILESYSTEM;
            case 0x03 -> SECURITY;
            case 0x04 -> QUOTA;
            default -> throw new WireFormatException(NtStatus.INVALID_PARAMETER, "InfoType " + code);
        };
    }
}
