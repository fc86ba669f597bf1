package org.bossa.smb2.wire;

/**
 * SMB2 READ Request (MS-SMB2 2.2.19). The channel information (RDMA buffer descriptors) is validated against
 * the message but not kept: Bossa has no RDMA transport.
 *
 * @param padding Padding (1 byte): the offset from the header start the client wants the data at in the
 *                response; advisory, Bossa always answers with DataOffset 0x50
 * @param flags Flags (1 byte): FLAG_ constants (3.0.2 / 3.1.1)
 * @param length Length (4 bytes): bytes to read, unsigned
 * @param offset Offset (8 bytes): file offset
 * @param fileId FileId (16 bytes)
 * @param minimumCount MinimumCount (4 bytes): fewer bytes than this is a failure
 * @param channel Channel (4 bytes), see {@link Channel}
 * @param remainingBytes RemainingBytes (4 bytes)
 */
public record ReadRequest(int padding, int flags, int length, long offset, FileId fileId, int minimumCount,
                          int channel, int remainingBytes) {
    public static final int STRUCTURE_SIZE = 49;
    /** SMB2_READFLAG_READ_UNBUFFERED: bypass the server's cache (3.0.2+). */
    public static final int FLAG_READ_UNBUFFERED = 0x01;
    /** SMB2_READFLAG_REQUEST_COMPRESSED: the client asks for a compressed response (3.1.1). */
    public static final int FLAG_REQUEST_COMPRESSED = 0x02;
    /** Offset of the Buffer field. */
    public static final int BUFFER_OFFSET = Body.START + 48;

    public static ReadRequest of(FileId fileId, long offset, int length) {
        return new ReadRequest(ReadResponse.DATA_OFFSET, 0, length, offset, fileId, 0, Channel.NONE, 0);
    }

    /** Length as an unsigned value. */
    public long lengthUnsigned() {
        return Integer.toUnsignedLong(length);
    }

    public static ReadRequest decode(WireReader r) {
        Body.fixed(r, STRUCTURE_SIZE);
        int b = Body.START;
        // StructureSize (2), Padding (1), Flags (1), Length (4), Offset (8), FileId (16), MinimumCount (4),
        // Channel (4), RemainingBytes (4), ReadChannelInfoOffset (2), ReadChannelInfoLength (2), Buffer
        int infoOffset = r.u16(b + 44);
        int infoLength = r.u16(b + 46);
        Body.buffer(r, infoOffset, infoLength, BUFFER_OFFSET, "ReadChannelInfo");
        return new ReadRequest(r.u8(b + 2), r.u8(b + 3), r.u32(b + 4), r.u64(b + 8), FileId.decode(r, b + 16),
                r.u32(b + 32), r.u32(b + 36), r.u32(b + 40));
    }

    public void encode(WireWriter w) {
        w.u16(STRUCTURE_SIZE).u8(padding).u8(flags).u32(length).u64(offset);
        fileId.encode(w);
        w.u32(minimumCount).u32(channel).u32(remainingBytes).u16(0).u16(0).u8(0);
    }
}
