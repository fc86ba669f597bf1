package org.bossa.smb2.wire;

/**
 * SMB2 CHANGE_NOTIFY Response (MS-SMB2 2.2.36): StructureSize (2) = 9, OutputBufferOffset (2),
 * OutputBufferLength (4), Buffer at 0x48. The buffer is written as given, not copied by the record.
 *
 * @param buffer FILE_NOTIFY_INFORMATION entries (MS-FSCC 2.7.1)
 * @param offset where the entries start in {@code buffer}
 * @param length how many bytes of {@code buffer}
 */
public record ChangeNotifyResponse(byte[] buffer, int offset, int length) {
    public static final int STRUCTURE_SIZE = 9;

    public ChangeNotifyResponse {
        java.util.Objects.checkFromIndexSize(offset, length, buffer.length);
    }

    public static ChangeNotifyResponse of(byte[] entries) {
        return new ChangeNotifyResponse(entries, 0, entries.length);
    }

    public void encode(WireWriter w) {
        Body.outputBuffer(w, buffer, offset, length);
    }
}
