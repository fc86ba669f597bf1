package org.bossa.smb2.wire;

/**
 * SMB2 FLUSH Response (MS-SMB2 2.2.18): StructureSize (2 bytes) = 4, Reserved (2 bytes).
 */
public record FlushResponse() {
    public static final int STRUCTURE_SIZE = 4;
    public static final FlushResponse INSTANCE = new FlushResponse();

    public void encode(WireWriter w) {
        w.u16(STRUCTURE_SIZE).u16(0);
    }
}
