package org.bossa.smb2.wire;

/** ShareFlags of the SMB2 TREE_CONNECT Response (MS-SMB2 2.2.10; the SHI1005 flags of MS-SRVS). */
public final class ShareFlags {
    private ShareFlags() {
    }

    /** SMB2_SHAREFLAG_MANUAL_CACHING: the client may cache files explicitly selected for offline use. */
    public static final int MANUAL_CACHING = 0x00000000;
    /** SMB2_SHAREFLAG_AUTO_CACHING. */
    public static final int AUTO_CACHING = 0x00000010;
    /** SMB2_SHAREFLAG_VDO_CACHING. */
    public static final int VDO_CACHING = 0x00000020;
    /** SMB2_SHAREFLAG_NO_CACHING. */
    public static final int NO_CACHING = 0x00000030;
    /** Mask of the two caching-policy bits above. */
    public static final int CACHING_MASK = 0x00000030;
    /** SMB2_SHAREFLAG_DFS: the share is in a DFS namespace. */
    public static final int DFS = 0x00000001;
    /** SMB2_SHAREFLAG_DFS_ROOT. */
    public static final int DFS_ROOT = 0x00000002;
    /** SMB2_SHAREFLAG_RESTRICT_EXCLUSIVE_OPENS. */
    public static final int RESTRICT_EXCLUSIVE_OPENS = 0x00000100;
    /** SMB2_SHAREFLAG_FORCE_SHARED_DELETE. */
    public static final int FORCE_SHARED_DELETE = 0x00000200;
    /** SMB2_SHAREFLAG_ALLOW_NAMESPACE_CACHING. */
    public static final int ALLOW_NAMESPACE_CACHING = 0x00000400;
    /** SMB2_SHAREFLAG_ACCESS_BASED_DIRECTORY_ENUM. */
    public static final int ACCESS_BASED_DIRECTORY_ENUM = 0x00000800;
    /** SMB2_SHAREFLAG_FORCE_LEVELII_OPLOCK. */
    public static final int FORCE_LEVELII_OPLOCK = 0x00001000;
    /** SMB2_SHAREFLAG_ENABLE_HASH_V1. */
    public static final int ENABLE_HASH_V1 = 0x00002000;
    /** SMB2_SHAREFLAG_ENABLE_HASH_V2. */
    public static final int ENABLE_HASH_V2 = 0x00004000;
    /** SMB2_SHAREFLAG_ENCRYPT_DATA: the server requires encryption of remote file access on this share. */
    public static final int ENCRYPT_DATA = 0x00008000;
    /** SMB2_SHAREFLAG_IDENTITY_REMOTING. */
    public static final int IDENTITY_REMOTING = 0x00040000;
    /** SMB2_SHAREFLAG_COMPRESS_DATA. */
    public static final int COMPRESS_DATA = 0x00100000;
    /** SMB2_SHAREFLAG_ISOLATED_TRANSPORT. */
    public static final int ISOLATED_TRANSPORT = 0x00200000;
}
