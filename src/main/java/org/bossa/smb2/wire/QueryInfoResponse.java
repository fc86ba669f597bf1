package org.bossa.smb2.wire;

/**
 * SMB2 QUERY_INFO Response (MS-SMB2 2.2.38): StructureSize (2) = 9, OutputBufferOffset (2),
 * OutputBufferLength (4), Buffer at 0x48. The buffer is written as given, not copied by the record.
 *
 * @param buffer the information (MS-FSCC 2.4 or 2.5, a security descriptor, quota entries)
 * @param offset where the entries start in {@code buffer}
 * @param length how many bytes of {@code buffer}
 */
public record QueryInfoResponse(byte[] buffer, int offset, int length) {
    public static final int STRUCTURE_SIZE = 9;

    public QueryInfoResponse {
        java.util.Objects.checkFromIndexSize(offset, length, buffer.length);
    }

    public static QueryInfoResponse of(byte[] entries) {
        return new QueryInfoResponse(entries, 0, entries.length);
    }

    public void encode(WireWriter w) {
        Body.outputBuffer(w, buffer, offset, length);
    }
}
