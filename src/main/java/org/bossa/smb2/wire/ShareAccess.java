package org.bossa.smb2.wire;

/** ShareAccess bits of the SMB2 CREATE Request (MS-SMB2 2.2.13). */
public final class ShareAccess {
    private ShareAccess() {
    }

    /** FILE_SHARE_READ. */
    public static final int READ = 0x00000001;
    /** FILE_SHARE_WRITE. */
    public static final int WRITE = 0x00000002;
    /** FILE_SHARE_DELETE. */
    public static final int DELETE = 0x00000004;
    /** All three. */
    public static final int ALL = READ | WRITE | DELETE;
}
