package org.bossa.smb2.wire;

/**
 * SMB2 OPLOCK_BREAK Acknowledgment (MS-SMB2 2.2.24.1), the client's answer to an oplock break notification.
 * An OPLOCK_BREAK request with StructureSize 36 is a lease break acknowledgment instead
 * ({@link LeaseBreakAckRequest}); use {@link #isLeaseBreakAck} to choose the decoder.
 *
 * @param oplockLevel OplockLevel (1 byte): the level the client accepts
 * @param fileId FileId (16 bytes)
 */
public record OplockBreakRequest(OplockLevel oplockLevel, FileId fileId) {
    public static final int STRUCTURE_SIZE = 24;

    /**
     * True if the OPLOCK_BREAK request in {@code r} is a lease break acknowledgment (StructureSize 36), false
     * for an oplock acknowledgment (24); MS-SMB2 3.3.5.22: any other size is STATUS_INVALID_PARAMETER.
     */
    public static boolean isLeaseBreakAck(WireReader r) {
        int size = r.u16(Body.START);
        if (size == LeaseBreakAckRequest.STRUCTURE_SIZE) {
            return true;
        }
        if (size == STRUCTURE_SIZE) {
            return false;
        }
        throw new WireFormatException(NtStatus.INVALID_PARAMETER, "OPLOCK_BREAK StructureSize " + size);
    }

    public static OplockBreakRequest decode(WireReader r) {
        Body.fixed(r, STRUCTURE_SIZE);
        // StructureSize (2), OplockLevel (1), Reserved (1), Reserved2 (4), FileId (16)
        return new OplockBreakRequest(OplockLevel.decode(r.u8(Body.START + 2)), FileId.decode(r, Body.START + 8));
    }

    public void encode(WireWriter w) {
        OplockBreakNotification.write(w, oplockLevel, fileId);
    }
}
