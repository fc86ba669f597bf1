package org.bossa.smb2.wire;

/**
 * SMB2 ECHO Request (MS-SMB2 2.2.28): StructureSize (2 bytes) = 4, Reserved (2 bytes).
 */
public record EchoRequest() {
    public static final int STRUCTURE_SIZE = 4;

    public static EchoRequest decode(WireReader r) {
        Body.fixed(r, STRUCTURE_SIZE);
        return new EchoRequest();
    }

    public void encode(WireWriter w) {
        w.u16(STRUCTURE_SIZE).u16(0);
    }
}
