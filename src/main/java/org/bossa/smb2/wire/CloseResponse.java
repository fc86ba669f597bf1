package org.bossa.smb2.wire;

/**
 * SMB2 CLOSE Response (MS-SMB2 2.2.16). Without {@link CloseRequest#FLAG_POSTQUERY_ATTRIB} every field but
 * Flags is zero ({@link #EMPTY}).
 *
 * @param flags Flags (2 bytes): {@link CloseRequest#FLAG_POSTQUERY_ATTRIB} when the attributes are valid
 * @param creationTime CreationTime (8 bytes, FILETIME)
 * @param lastAccessTime LastAccessTime (8 bytes)
 * @param lastWriteTime LastWriteTime (8 bytes)
 * @param changeTime ChangeTime (8 bytes)
 * @param allocationSize AllocationSize (8 bytes)
 * @param endOfFile EndofFile (8 bytes)
 * @param fileAttributes FileAttributes (4 bytes)
 */
public record CloseResponse(int flags, long creationTime, long lastAccessTime, long lastWriteTime, long changeTime,
                            long allocationSize, long endOfFile, int fileAttributes) {
    public static final int STRUCTURE_SIZE = 60;
    public static final CloseResponse EMPTY = new CloseResponse(0, 0, 0, 0, 0, 0, 0, 0);

    /** The response carrying attributes after SMB2_CLOSE_FLAG_POSTQUERY_ATTRIB. */
    public static CloseResponse withAttributes(long creationTime, long lastAccessTime, long lastWriteTime,
                                               long changeTime, long allocationSize, long endOfFile,
                                               int fileAttributes) {
        return new CloseResponse(CloseRequest.FLAG_POSTQUERY_ATTRIB, creationTime, lastAccessTime, lastWriteTime,
                changeTime, allocationSize, endOfFile, fileAttributes);
    }

    public void encode(WireWriter w) {
        // StructureSize (2), Flags (2), Reserved (4), then the times, sizes and attributes
        w.u16(STRUCTURE_SIZE).u16(flags).u32(0).u64(creationTime).u64(lastAccessTime).u64(lastWriteTime)
                .u64(changeTime).u64(allocationSize).u64(endOfFile).u32(fileAttributes);
    }
}
