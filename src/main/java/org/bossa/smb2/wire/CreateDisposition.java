package org.bossa.smb2.wire;

/** CreateDisposition of the SMB2 CREATE Request (MS-SMB2 2.2.13): what to do if the file exists or not. */
public enum CreateDisposition {
    /** FILE_SUPERSEDE: replace if it exists, else create. */
    SUPERSEDE(0),
    /** FILE_OPEN: open if it exists, else fail. */
    OPEN(1),
    /** FILE_CREATE: fail if it exists, else create. */
    CREATE(2),
    /** FILE_OPEN_IF: open if it exists, else create. */
    OPEN_IF(3),
    /** FILE_OVERWRITE: overwrite if it exists, else fail. */
    OVERWRITE(4),
    /** FILE_OVERWRITE_IF: overwrite if it exists, else create. */
    OVERWRITE_IF(5);

    private static final CreateDisposition[] BY_CODE = values();

    private final int code;

    CreateDisposition(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    /** The disposition for a wire value; MS-SMB2 3.3.5.9: a value above 5 is STATUS_INVALID_PARAMETER. */
    public static CreateDisposition decode(int code) {
        if (code < 0 || code >= BY_CODE.length) {
            throw new WireFormatException(NtStatus.INVALID_PARAMETER, "CreateDisposition " + Integer.toUnsignedString(code));
        }
        return BY_CODE[code];
    }
}
