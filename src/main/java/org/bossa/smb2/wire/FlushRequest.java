package org.bossa.smb2.wire;

/**
 * SMB2 FLUSH Request (MS-SMB2 2.2.17): StructureSize (2) = 24, Reserved1 (2), Reserved2 (4), FileId (16).
 *
 * @param fileId FileId (16 bytes)
 */
public record FlushRequest(FileId fileId) {
    public static final int STRUCTURE_SIZE = 24;

    public static FlushRequest decode(WireReader r) {
        Body.fixed(r, STRUCTURE_SIZE);
        return new FlushRequest(FileId.decode(r, Body.START + 8));
    }

    public void encode(WireWriter w) {
        w.u16(STRUCTURE_SIZE).u16(0).u32(0);
        fileId.encode(w);
    }
}
