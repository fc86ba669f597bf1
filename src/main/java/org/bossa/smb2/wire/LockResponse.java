package org.bossa.smb2.wire;

/**
 * SMB2 LOCK Response (MS-SMB2 2.2.27): StructureSize (2 bytes) = 4, Reserved (2 bytes).
 */
public record LockResponse() {
    public static final int STRUCTURE_SIZE = 4;
    public static final LockResponse INSTANCE = new LockResponse();

    public void encode(WireWriter w) {
        w.u16(STRUCTURE_SIZE).u16(0);
    }
}
