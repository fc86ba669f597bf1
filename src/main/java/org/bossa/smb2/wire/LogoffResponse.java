package org.bossa.smb2.wire;

/**
 * SMB2 LOGOFF Response (MS-SMB2 2.2.8): StructureSize (2 bytes) = 4, Reserved (2 bytes).
 */
public record LogoffResponse() {
    public static final int STRUCTURE_SIZE = 4;
    public static final LogoffResponse INSTANCE = new LogoffResponse();

    public void encode(WireWriter w) {
        w.u16(STRUCTURE_SIZE).u16(0);
    }
}
