package org.bossa.smb2.wire;

/** CreateAction of the SMB2 CREATE Response (MS-SMB2 2.2.14): what the server did. */
public enum CreateAction {
    /** FILE_SUPERSEDED. */
    SUPERSEDED(0),
    /** FILE_OPENED. */
    OPENED(1),
    /** FILE_CREATED. */
    CREATED(2),
    /** FILE_OVERWRITTEN. */
    OVERWRITTEN(3);

    private final int code;

    CreateAction(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }
}
