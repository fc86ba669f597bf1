package org.bossa.smb2.wire;

/**
 * SMB2 SET_INFO Request (MS-SMB2 2.2.39). The buffer is copied.
 *
 * @param infoType InfoType (1 byte)
 * @param fileInfoClass FileInfoClass (1 byte): an MS-FSCC class for FILE and FILESYSTEM, else 0
 * @param buffer BufferLength (4 bytes) / BufferOffset (2 bytes): the information to set
 * @param additionalInformation AdditionalInformation (4 bytes): {@link SecurityInformation} for SECURITY
 * @param fileId FileId (16 bytes)
 */
public record SetInfoRequest(InfoType infoType, int fileInfoClass, byte[] buffer, int additionalInformation,
                             FileId fileId) {
    public static final int STRUCTURE_SIZE = 33;
    /** Offset of the Buffer field (0x60). */
    public static final int BUFFER_OFFSET = Body.START + 32;

    public static SetInfoRequest decode(WireReader r) {
        Body.fixed(r, STRUCTURE_SIZE);
        int b = Body.START;
        // StructureSize (2), InfoType (1), FileInfoClass (1), BufferLength (4), BufferOffset (2), Reserved (2),
        // AdditionalInformation (4), FileId (16), Buffer
        long length = Body.unsigned(r.u32(b + 4));
        int offset = r.u16(b + 8);
        byte[] buffer = Body.copy(r, offset, length, BUFFER_OFFSET, "SET_INFO buffer");
        return new SetInfoRequest(InfoType.decode(r.u8(b + 2)), r.u8(b + 3), buffer, r.u32(b + 12),
                FileId.decode(r, b + 16));
    }

    public void encode(WireWriter w) {
        w.u16(STRUCTURE_SIZE).u8(infoType.code()).u8(fileInfoClass).u32(buffer.length);
        int offsetAt = w.reserve(2);
        w.u16(0).u32(additionalInformation);
        fileId.encode(w);
        w.putU16(offsetAt, w.position());
        w.bytes(buffer);
        Body.padIfEmpty(w, buffer.length);
    }
}
