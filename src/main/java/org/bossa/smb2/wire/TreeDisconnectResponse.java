package org.bossa.smb2.wire;

/**
 * SMB2 TREE_DISCONNECT Response (MS-SMB2 2.2.12): StructureSize (2 bytes) = 4, Reserved (2 bytes).
 */
public record TreeDisconnectResponse() {
    public static final int STRUCTURE_SIZE = 4;
    public static final TreeDisconnectResponse INSTANCE = new TreeDisconnectResponse();

    public void encode(WireWriter w) {
        w.u16(STRUCTURE_SIZE).u16(0);
    }
}
