package org.bossa.smb2.wire;

/**
 * SMB2 TREE_CONNECT Response (MS-SMB2 2.2.10).
 *
 * @param shareType ShareType (1 byte)
 * @param shareFlags ShareFlags (4 bytes), see {@link ShareFlags}
 * @param capabilities Capabilities (4 bytes), see {@link ShareCapabilities}
 * @param maximalAccess MaximalAccess (4 bytes): the access mask the user has on the share
 */
public record TreeConnectResponse(ShareType shareType, int shareFlags, int capabilities, int maximalAccess) {
    public static final int STRUCTURE_SIZE = 16;

    public static TreeConnectResponse disk(int shareFlags, int capabilities, int maximalAccess) {
        return new TreeConnectResponse(ShareType.DISK, shareFlags, capabilities, maximalAccess);
    }

    public static TreeConnectResponse pipe(int maximalAccess) {
        return new TreeConnectResponse(ShareType.PIPE, ShareFlags.NO_CACHING, 0, maximalAccess);
    }

    public void encode(WireWriter w) {
        // StructureSize (2), ShareType (1), Reserved (1), ShareFlags (4), Capabilities (4), MaximalAccess (4)
        w.u16(STRUCTURE_SIZE).u8(shareType.code()).u8(0).u32(shareFlags).u32(capabilities).u32(maximalAccess);
    }
}
