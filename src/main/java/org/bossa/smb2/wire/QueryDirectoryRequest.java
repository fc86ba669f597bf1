package org.bossa.smb2.wire;

/**
 * SMB2 QUERY_DIRECTORY Request (MS-SMB2 2.2.33).
 *
 * @param fileInformationClass FileInformationClass (1 byte): an MS-FSCC 2.4 directory class
 * @param flags Flags (1 byte): FLAG_ constants
 * @param fileIndex FileIndex (4 bytes): with {@link #FLAG_INDEX_SPECIFIED}, where to resume
 * @param fileId FileId (16 bytes)
 * @param fileName FileNameOffset (2 bytes) / FileNameLength (2 bytes): the search pattern, UTF-16LE
 * @param outputBufferLength OutputBufferLength (4 bytes): most bytes the client accepts
 */
public record QueryDirectoryRequest(int fileInformationClass, int flags, int fileIndex, FileId fileId,
                                    String fileName, int outputBufferLength) {
    public static final int STRUCTURE_SIZE = 33;
    /** SMB2_RESTART_SCANS: restart the enumeration from the beginning. */
    public static final int FLAG_RESTART_SCANS = 0x01;
    /** SMB2_RETURN_SINGLE_ENTRY: return only the first entry found. */
    public static final int FLAG_RETURN_SINGLE_ENTRY = 0x02;
    /** SMB2_INDEX_SPECIFIED: resume at FileIndex. */
    public static final int FLAG_INDEX_SPECIFIED = 0x04;
    /** SMB2_REOPEN: restart with a possibly new pattern. */
    public static final int FLAG_REOPEN = 0x10;
    /** Offset of the Buffer field (0x60). */
    public static final int BUFFER_OFFSET = Body.START + 32;

    public boolean hasFlag(int flag) {
        return (flags & flag) != 0;
    }

    public long outputBufferLengthUnsigned() {
        return Integer.toUnsignedLong(outputBufferLength);
    }

    public static QueryDirectoryRequest decode(WireReader r) {
        Body.fixed(r, STRUCTURE_SIZE);
        int b = Body.START;
        // StructureSize (2), FileInformationClass (1), Flags (1), FileIndex (4), FileId (16),
        // FileNameOffset (2), FileNameLength (2), OutputBufferLength (4), Buffer
        int nameOffset = r.u16(b + 24);
        int nameLength = r.u16(b + 26);
        Body.buffer(r, nameOffset, nameLength, BUFFER_OFFSET, "QUERY_DIRECTORY FileName");
        if ((nameLength & 1) != 0) {
            throw new WireFormatException(NtStatus.INVALID_PARAMETER, "FileNameLength " + nameLength + " is odd");
        }
        String name = nameLength == 0 ? "" : r.utf16(nameOffset, nameLength, NtStatus.OBJECT_NAME_INVALID);
        return new QueryDirectoryRequest(r.u8(b + 2), r.u8(b + 3), r.u32(b + 4), FileId.decode(r, b + 8), name,
                r.u32(b + 28));
    }

    public void encode(WireWriter w) {
        w.u16(STRUCTURE_SIZE).u8(fileInformationClass).u8(flags).u32(fileIndex);
        fileId.encode(w);
        int offsetAt = w.reserve(2);
        int lengthAt = w.reserve(2);
        w.u32(outputBufferLength);
        w.putU16(offsetAt, w.position());
        int len = w.utf16(fileName);
        w.putU16(lengthAt, len);
        Body.padIfEmpty(w, len);
    }
}
