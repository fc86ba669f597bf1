package org.bossa.smb2.wire;

/**
 * SMB2 CLOSE Request (MS-SMB2 2.2.15).
 *
 * @param flags Flags (2 bytes): {@link #FLAG_POSTQUERY_ATTRIB}
 * @param fileId FileId (16 bytes)
 */
public record CloseRequest(int flags, FileId fileId) {
    public static final int STRUCTURE_SIZE = 24;
    /** SMB2_CLOSE_FLAG_POSTQUERY_ATTRIB: return the file's attributes and times in the response. */
    public static final int FLAG_POSTQUERY_ATTRIB = 0x0001;

    public boolean postQueryAttrib() {
        return (flags & FLAG_POSTQUERY_ATTRIB) != 0;
    }

    public static CloseRequest decode(WireReader r) {
        Body.fixed(r, STRUCTURE_SIZE);
        // StructureSize (2), Flags (2), Reserved (4), FileId (16)
        return new CloseRequest(r.u16(Body.START + 2), FileId.decode(r, Body.START + 8));
    }

    public void encode(WireWriter w) {
        w.u16(STRUCTURE_SIZE).u16(flags).u32(0);
        fileId.encode(w);
    }
}
