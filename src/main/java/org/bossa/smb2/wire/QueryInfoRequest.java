package org.bossa.smb2.wire;

/**
 * SMB2 QUERY_INFO Request (MS-SMB2 2.2.37). The input buffer (quota SIDs, EA names) is copied.
 *
 * @param infoType InfoType (1 byte)
 * @param fileInfoClass FileInfoClass (1 byte): an MS-FSCC class for FILE and FILESYSTEM, else 0
 * @param outputBufferLength OutputBufferLength (4 bytes): most bytes the client accepts
 * @param input InputBufferOffset (2 bytes) / InputBufferLength (4 bytes)
 * @param additionalInformation AdditionalInformation (4 bytes): {@link SecurityInformation} for SECURITY
 * @param flags Flags (4 bytes): FLAG_ constants (quota and EA queries)
 * @param fileId FileId (16 bytes)
 */
public record QueryInfoRequest(InfoType infoType, int fileInfoClass, int outputBufferLength, byte[] input,
                               int additionalInformation, int flags, FileId fileId) {
    public static final int STRUCTURE_SIZE = 41;
    /** SL_RESTART_SCAN. */
    public static final int FLAG_RESTART_SCAN = 0x00000001;
    /** SL_RETURN_SINGLE_ENTRY. */
    public static final int FLAG_RETURN_SINGLE_ENTRY = 0x00000002;
    /** SL_INDEX_SPECIFIED. */
    public static final int FLAG_INDEX_SPECIFIED = 0x00000004;
    /** Offset of the Buffer field (0x68). */
    public static final int BUFFER_OFFSET = Body.START + 40;

    public static QueryInfoRequest of(InfoType type, int fileInfoClass, int outputBufferLength,
                                      int additionalInformation, FileId fileId) {
        return new QueryInfoRequest(type, fileInfoClass, outputBufferLength, new byte[0], additionalInformation, 0,
                fileId);
    }

    public long outputBufferLengthUnsigned() {
        return Integer.toUnsignedLong(outputBufferLength);
    }

    public static QueryInfoRequest decode(WireReader r) {
        Body.fixed(r, STRUCTURE_SIZE);
        int b = Body.START;
        // StructureSize (2), InfoType (1), FileInfoClass (1), OutputBufferLength (4), InputBufferOffset (2),
        // Reserved (2), InputBufferLength (4), AdditionalInformation (4), Flags (4), FileId (16), Buffer
        int inOffset = r.u16(b + 8);
        long inLength = Body.unsigned(r.u32(b + 12));
        byte[] input = Body.copy(r, inOffset, inLength, BUFFER_OFFSET, "QUERY_INFO input");
        return new QueryInfoRequest(InfoType.decode(r.u8(b + 2)), r.u8(b + 3), r.u32(b + 4), input,
                r.u32(b + 16), r.u32(b + 20), FileId.decode(r, b + 24));
    }

    public void encode(WireWriter w) {
        w.u16(STRUCTURE_SIZE).u8(infoType.code()).u8(fileInfoClass).u32(outputBufferLength);
        int offsetAt = w.reserve(2);
        w.u16(0).u32(input.length).u32(additionalInformation).u32(flags);
        fileId.encode(w);
        w.putU16(offsetAt, w.position());
        w.bytes(input);
        Body.padIfEmpty(w, input.length);
    }
}
