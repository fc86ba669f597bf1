package org.bossa.smb2.wire;

/**
 * SMB2 ECHO Response (MS-SMB2 2.2.29): StructureSize (2 bytes) = 4, Reserved (2 bytes).
 */
public record EchoResponse() {
    public static final int STRUCTURE_SIZE = 4;
    public static final EchoResponse INSTANCE = new EchoResponse();

    public void encode(WireWriter w) {
        w.u16(STRUCTURE_SIZE).u16(0);
    }
}
