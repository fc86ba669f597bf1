package org.bossa.smb2.wire;

/**
 * SMB2 LOGOFF Request (MS-SMB2 2.2.7): StructureSize (2 bytes) = 4, Reserved (2 bytes).
 */
public record LogoffRequest() {
    public static final int STRUCTURE_SIZE = 4;

    public static LogoffRequest decode(WireReader r) {
        Body.fixed(r, STRUCTURE_SIZE);
        return new LogoffRequest();
    }

    public void encode(WireWriter w) {
        w.u16(STRUCTURE_SIZE).u16(0);
    }
}
