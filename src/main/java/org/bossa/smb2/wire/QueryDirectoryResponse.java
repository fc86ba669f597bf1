package org.bossa.smb2.wire;

/**
 * SMB2 QUERY_DIRECTORY Response (MS-SMB2 2.2.34): StructureSize (2) = 9, OutputBufferOffset (2),
 * OutputBufferLength (4), Buffer at 0x48. The buffer is written as given, not copied by the record.
 *
 * @param buffer the directory entries (MS-FSCC 2.4)
 * @param offset where the entries start in {@code buffer}
 * @param length how many bytes of {@code buffer}
 */
public record QueryDirectoryResponse(byte[] buffer, int offset, int length) {
    public static final int STRUCTURE_SIZE = 9;

    public QueryDirectoryResponse {
        java.util.Objects.checkFromIndexSize(offset, length, buffer.length);
    }

    public static QueryDirectoryResponse of(byte[] entries) {
        return new QueryDirectoryResponse(entries, 0, entries.length);
    }

    public void encode(WireWriter w) {
        Body.outputBuffer(w, buffer, offset, length);
    }
}
