package org.bossa.smb2.wire;

/**
 * SMB2 Oplock Break Notification (MS-SMB2 2.2.23.1), sent by the server (MessageId 0xFFFFFFFFFFFFFFFF) to
 * break an oplock to {@code oplockLevel}.
 *
 * @param oplockLevel OplockLevel (1 byte): the new level
 * @param fileId FileId (16 bytes)
 */
public record OplockBreakNotification(OplockLevel oplockLevel, FileId fileId) {
    public static final int STRUCTURE_SIZE = 24;

    public void encode(WireWriter w) {
        write(w, oplockLevel, fileId);
    }

    /** The layout shared by the notification, the acknowledgment and the response. */
    static void write(WireWriter w, OplockLevel level, FileId fileId) {
        // StructureSize (2), OplockLevel (1), Reserved (1), Reserved2 (4), FileId (16)
        w.u16(STRUCTURE_SIZE).u8(level.code()).u8(0).u32(0);
        fileId.encode(w);
    }
}
