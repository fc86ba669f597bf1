package org.bossa.rpc.srvsvc;

/**
 * One share as srvsvc shows it. {@code type} is a srvsvc_ShareType: {@link #STYPE_DISKTREE} for a
 * disk share, {@link #STYPE_IPC} | {@link #STYPE_SPECIAL} for IPC$. {@code path} is the local path
 * (shown as {@code C:\...} at level 2).
 */
public record ShareEntry(String name, int type, String comment, String path) {
    public static final int STYPE_DISKTREE = 0;
    public static final int STYPE_PRINTQ = 1;
    public static final int STYPE_IPC = 3;
    /** STYPE_SPECIAL (MS-SRVS 2.2.2.4), Samba's STYPE_HIDDEN: an administrative share. */
    public static final int STYPE_SPECIAL = 0x80000000;
    public static final int STYPE_TEMPORARY = 0x40000000;

    public ShareEntry {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("share name");
        }
        comment = comment == null ? "" : comment;
        path = path == null ? "" : path;
    }

    /** The IPC$ share every server has. */
    public static ShareEntry ipc(String comment) {
        return new ShareEntry("IPC$", STYPE_IPC | STYPE_SPECIAL, comment, "");
    }
}
