package org.bossa.smb2.wire;

/**
 * The data of a "DH2Q" create context, SMB2_CREATE_DURABLE_HANDLE_REQUEST_V2 (MS-SMB2 2.2.13.2.11, 32 bytes),
 * and of the "DH2Q" response, SMB2_CREATE_DURABLE_HANDLE_RESPONSE_V2 (2.2.14.2.12, 8 bytes).
 *
 * @param timeout Timeout (4 bytes): milliseconds to keep the handle after a disconnect; 0 = server default
 * @param flags Flags (4 bytes): {@link #FLAG_PERSISTENT}
 * @param createGuidLow CreateGuid (16 bytes), bytes 0-7 (request only)
 * @param createGuidHigh CreateGuid, bytes 8-15 (request only)
 */
public record DurableHandleV2(int timeout, int flags, long createGuidLow, long createGuidHigh) {
    public static final int REQUEST_SIZE = 32;
    public static final int RESPONSE_SIZE = 8;
    /** SMB2_DHANDLE_FLAG_PERSISTENT. */
    public static final int FLAG_PERSISTENT = 0x00000002;

    /** Decodes DH2Q request data; a length other than 32 is STATUS_INVALID_PARAMETER. */
    public static DurableHandleV2 decodeRequest(CreateContext c) {
        WireReader r = new WireReader(c.data());
        if (r.length() != REQUEST_SIZE) {
            throw new WireFormatException(NtStatus.INVALID_PARAMETER, "DH2Q data of " + r.length() + " bytes");
        }
        // Timeout (4), Flags (4), Reserved (8), CreateGuid (16)
        return new DurableHandleV2(r.u32(0), r.u32(4), r.u64(16), r.u64(24));
    }

    public boolean persistent() {
        return (flags & FLAG_PERSISTENT) != 0;
    }

    public CreateContext toRequestContext() {
        WireWriter w = new WireWriter(REQUEST_SIZE);
        w.u32(timeout).u32(flags).u64(0).u64(createGuidLow).u64(createGuidHigh);
        return new CreateContext(CreateContexts.DURABLE_HANDLE_REQUEST_V2, w.toByteArray());
    }

    /** The server's answer: Timeout (4), Flags (4). */
    public static CreateContext response(int timeout, int flags) {
        WireWriter w = new WireWriter(RESPONSE_SIZE);
        w.u32(timeout).u32(flags);
        return new CreateContext(CreateContexts.DURABLE_HANDLE_REQUEST_V2, w.toByteArray());
    }
}
