package org.bossa.smb2.wire;

/**
 * SMB2 WRITE Response (MS-SMB2 2.2.22).
 *
 * @param count Count (4 bytes): bytes written
 */
public record WriteResponse(int count) {
    public static final int STRUCTURE_SIZE = 17;

    public void encode(WireWriter w) {
        // StructureSize (2), Reserved (2), Count (4), Remaining (4), WriteChannelInfoOffset (2),
        // WriteChannelInfoLength (2), and one zero byte for the empty Buffer counted by StructureSize 17
        w.u16(STRUCTURE_SIZE).u16(0).u32(count).u32(0).u16(0).u16(0).u8(0);
    }
}
