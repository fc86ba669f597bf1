package org.bossa.smb2.wire;

import java.nio.ByteBuffer;

/**
 * SMB2 WRITE Request (MS-SMB2 2.2.21). The data is not copied: the record keeps its absolute position in the
 * message ({@code dataOffset}, {@code dataLength}, validated), and {@link #data(WireReader)} gives a read-only
 * view of the receive buffer, so the server can write to the file straight from it. The channel information
 * (RDMA buffer descriptors) is validated but not kept.
 *
 * @param dataOffset DataOffset (2 bytes): from the header start
 * @param dataLength Length (4 bytes): bytes to write
 * @param offset Offset (8 bytes): file offset
 * @param fileId FileId (16 bytes)
 * @param channel Channel (4 bytes), see {@link Channel}
 * @param remainingBytes RemainingBytes (4 bytes)
 * @param flags Flags (4 bytes): FLAG_ constants
 */
public record WriteRequest(int dataOffset, int dataLength, long offset, FileId fileId, int channel,
                           int remainingBytes, int flags) {
    public static final int STRUCTURE_SIZE = 49;
    /** SMB2_WRITEFLAG_WRITE_THROUGH: write to stable storage before answering (2.1+). */
    public static final int FLAG_WRITE_THROUGH = 0x00000001;
    /** SMB2_WRITEFLAG_WRITE_UNBUFFERED: bypass the server's cache (3.0.2+). */
    public static final int FLAG_WRITE_UNBUFFERED = 0x00000002;
    /** Offset of the Buffer field, where well-formed requests put the data (0x70). */
    public static final int BUFFER_OFFSET = Body.START + 48;

    /** A request whose data will be written at {@link #BUFFER_OFFSET} by {@link #encode(WireWriter, ByteBuffer)}. */
    public static WriteRequest of(FileId fileId, long offset, int dataLength, int flags) {
        return new WriteRequest(BUFFER_OFFSET, dataLength, offset, fileId, Channel.NONE, 0, flags);
    }

    /** A read-only view of the data inside the message that {@code r} reads; no copy. */
    public ByteBuffer data(WireReader r) {
        return r.slice(dataOffset, dataLength);
    }

    public static WriteRequest decode(WireReader r) {
        Body.fixed(r, STRUCTURE_SIZE);
        int b = Body.START;
        // StructureSize (2), DataOffset (2), Length (4), Offset (8), FileId (16), Channel (4),
        // RemainingBytes (4), WriteChannelInfoOffset (2), WriteChannelInfoLength (2), Flags (4), Buffer
        int dataOffset = r.u16(b + 2);
        long dataLength = Body.unsigned(r.u32(b + 4));
        Body.buffer(r, dataOffset, dataLength, BUFFER_OFFSET, "WRITE data");
        int infoOffset = r.u16(b + 40);
        int infoLength = r.u16(b + 42);
        Body.buffer(r, infoOffset, infoLength, BUFFER_OFFSET, "WriteChannelInfo");
        return new WriteRequest(dataLength == 0 ? BUFFER_OFFSET : dataOffset, (int) dataLength, r.u64(b + 8),
                FileId.decode(r, b + 16), r.u32(b + 32), r.u32(b + 36), r.u32(b + 44));
    }

    /** Writes the request with {@code data} (exactly {@code dataLength} bytes) in the Buffer. */
    public void encode(WireWriter w, ByteBuffer data) {
        if (data.remaining() != dataLength) {
            throw new IllegalArgumentException("data has " + data.remaining() + " bytes, request says " + dataLength);
        }
        w.u16(STRUCTURE_SIZE);
        int offsetAt = w.reserve(2);
        w.u32(dataLength).u64(offset);
        fileId.encode(w);
        w.u32(channel).u32(remainingBytes).u16(0).u16(0).u32(flags);
        w.putU16(offsetAt, w.position());
        w.bytes(data);
        Body.padIfEmpty(w, dataLength);
    }
}
