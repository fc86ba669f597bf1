package org.bossa.smb2.wire;

/** Channel values of the READ and WRITE requests (MS-SMB2 2.2.19, 2.2.21). */
public final class Channel {
    private Channel() {
    }

    /** SMB2_CHANNEL_NONE: no channel information. */
    public static final int NONE = 0x00000000;
    /** SMB2_CHANNEL_RDMA_V1: SMB_DIRECT_BUFFER_DESCRIPTOR_V1 structures follow. */
    public static final int RDMA_V1 = 0x00000001;
    /** SMB2_CHANNEL_RDMA_V1_INVALIDATE. */
    public static final int RDMA_V1_INVALIDATE = 0x00000002;
    /** SMB2_CHANNEL_RDMA_TRANSFORM. */
    public static final int RDMA_TRANSFORM = 0x00000003;
}
