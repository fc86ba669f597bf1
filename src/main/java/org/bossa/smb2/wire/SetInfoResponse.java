package org.bossa.smb2.wire;

/** SMB2 SET_INFO Response (MS-SMB2 2.2.40): StructureSize (2 bytes) = 2, nothing else. */
public record SetInfoResponse() {
    public static final int STRUCTURE_SIZE = 2;
    public static final SetInfoResponse INSTANCE = new SetInfoResponse();

    public void encode(WireWriter w) {
        w.u16(STRUCTURE_SIZE);
    }
}
