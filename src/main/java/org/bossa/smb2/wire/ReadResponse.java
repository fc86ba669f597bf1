package org.bossa.smb2.wire;

import java.nio.ByteBuffer;

/**
 * SMB2 READ Response (MS-SMB2 2.2.20). The data always starts at {@link #DATA_OFFSET} (0x50), right after the
 * 16-byte fixed part. The record holds a read-only view of the data, so encoding copies it once, into the writer;
 * a server sending the data from a file region writes only {@link #encodeFixedPart} and then the region.
 *
 * @param data the Buffer named by DataOffset (1 byte) / DataLength (4 bytes); the bytes between the buffer's
 *             position and limit
 * @param dataRemaining DataRemaining (4 bytes): 0 except for RDMA reads
 */
public record ReadResponse(ByteBuffer data, int dataRemaining) {
    public static final int STRUCTURE_SIZE = 17;
    /** DataOffset Bossa always uses: header (64) + fixed part (16). */
    public static final int DATA_OFFSET = Body.START + 16;
    /** SMB2_READFLAG_RESPONSE_NONE. */
    public static final int FLAG_RESPONSE_NONE = 0x00;
    /** SMB2_READFLAG_RESPONSE_RDMA_TRANSFORM. */
    public static final int FLAG_RESPONSE_RDMA_TRANSFORM = 0x01;

    public ReadResponse {
        data = data.asReadOnlyBuffer();
    }

    /** A response over {@code len} bytes of {@code b} from {@code off}, without copying them now. */
    public static ReadResponse of(byte[] b, int off, int len) {
        return new ReadResponse(ByteBuffer.wrap(b, off, len), 0);
    }

    /** A response over the remaining bytes of {@code data}, without copying them now. */
    public static ReadResponse of(ByteBuffer data) {
        return new ReadResponse(data, 0);
    }

    public int dataLength() {
        return data.remaining();
    }

    /**
     * Writes the 16-byte fixed part for {@code dataLength} bytes that the caller sends itself (a file region);
     * the data must follow immediately, at offset 0x50.
     */
    public static void encodeFixedPart(WireWriter w, int dataLength, int dataRemaining) {
        // StructureSize (2), DataOffset (1), Reserved (1), DataLength (4), DataRemaining (4), Flags (4)
        w.u16(STRUCTURE_SIZE).u8(DATA_OFFSET).u8(0).u32(dataLength).u32(dataRemaining).u32(FLAG_RESPONSE_NONE);
    }

    public void encode(WireWriter w) {
        if (w.position() != Body.START) {
            throw new IllegalStateException("READ response must start at offset 64, not " + w.position());
        }
        int len = data.remaining();
        encodeFixedPart(w, len, dataRemaining);
        w.bytes(data);
        Body.padIfEmpty(w, len);
    }
}
