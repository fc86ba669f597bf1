package org.bossa.smb2.wire;

/**
 * SMB2 TREE_DISCONNECT Request (MS-SMB2 2.2.11): StructureSize (2 bytes) = 4, Reserved (2 bytes).
 */
public record TreeDisconnectRequest() {
    public static final int STRUCTURE_SIZE = 4;

    public static TreeDisconnectRequest decode(WireReader r) {
        Body.fixed(r, STRUCTURE_SIZE);
        return new TreeDisconnectRequest();
    }

    public void encode(WireWriter w) {
        w.u16(STRUCTURE_SIZE).u16(0);
    }
}
