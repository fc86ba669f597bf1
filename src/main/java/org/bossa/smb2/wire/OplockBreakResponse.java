package org.bossa.smb2.wire;

/**
 * SMB2 Oplock Break Response (MS-SMB2 2.2.25.1), the server's answer to an oplock break acknowledgment.
 *
 * @param oplockLevel OplockLevel (1 byte): the level granted
 * @param fileId FileId (16 bytes)
 */
public record OplockBreakResponse(OplockLevel oplockLevel, FileId fileId) {
    public static final int STRUCTURE_SIZE = 24;

    public void encode(WireWriter w) {
        OplockBreakNotification.write(w, oplockLevel, fileId);
    }
}
