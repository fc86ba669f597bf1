package org.bossa.smb2.wire;

/**
 * SMB2_FILEID (MS-SMB2 2.2.14.1): the handle of an open.
 *
 * @param persistent Persistent (8 bytes): survives reconnects of durable opens
 * @param volatileId Volatile (8 bytes): the server's per-connection handle number
 */
public record FileId(long persistent, long volatileId) {
    /** Wire size. */
    public static final int SIZE = 16;

    /**
     * The all-ones value a request inside a related compound chain sends to mean "the file of the
     * previous CREATE" (MS-SMB2 3.2.4.1.4, 3.3.5.2.7.2).
     */
    public static final FileId RELATED = new FileId(-1L, -1L);

    /** True for the related-compound sentinel {@link #RELATED}. */
    public boolean isRelatedSentinel() {
        return persistent == -1L && volatileId == -1L;
    }

    public static FileId decode(WireReader r, int offset) {
        r.require(offset, SIZE, "FileId");
        return new FileId(r.u64(offset), r.u64(offset + 8));
    }

    public void encode(WireWriter w) {
        w.u64(persistent).u64(volatileId);
    }

    @Override
    public String toString() {
        return String.format("FileId[%016x:%016x]", persistent, volatileId);
    }
}
