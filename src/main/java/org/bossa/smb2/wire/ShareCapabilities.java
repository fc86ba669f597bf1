package org.bossa.smb2.wire;

/** Capabilities of the SMB2 TREE_CONNECT Response (MS-SMB2 2.2.10). */
public final class ShareCapabilities {
    private ShareCapabilities() {
    }

    /** SMB2_SHARE_CAP_DFS. */
    public static final int DFS = 0x00000008;
    /** SMB2_SHARE_CAP_CONTINUOUS_AVAILABILITY. */
    public static final int CONTINUOUS_AVAILABILITY = 0x00000010;
    /** SMB2_SHARE_CAP_SCALEOUT. */
    public static final int SCALEOUT = 0x00000020;
    /** SMB2_SHARE_CAP_CLUSTER. */
    public static final int CLUSTER = 0x00000040;
    /** SMB2_SHARE_CAP_ASYMMETRIC. */
    public static final int ASYMMETRIC = 0x00000080;
    /** SMB2_SHARE_CAP_REDIRECT_TO_OWNER. */
    public static final int REDIRECT_TO_OWNER = 0x00000100;
}
