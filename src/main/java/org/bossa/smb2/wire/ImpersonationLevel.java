package org.bossa.smb2.wire;

/** ImpersonationLevel of the SMB2 CREATE Request (MS-SMB2 2.2.13). */
public enum ImpersonationLevel {
    ANONYMOUS(0),
    IDENTIFICATION(1),
    IMPERSONATION(2),
    DELEGATE(3);

    private static final ImpersonationLevel[] BY_CODE = values();

    private final int code;

    ImpersonationLevel(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    /** MS-SMB2 3.3.5.9: a value outside the table is STATUS_BAD_IMPERSONATION_LEVEL. */
    public static ImpersonationLevel decode(int code) {
        if (code < 0 || code >= BY_CODE.length) {
            throw new WireFormatException(NtStatus.BAD_IMPERSONATION_LEVEL,
                    "ImpersonationLevel " + Integer.toUnsignedString(code));
        }
        return BY_CODE[code];
    }
}
