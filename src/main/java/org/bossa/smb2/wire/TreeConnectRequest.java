package org.bossa.smb2.wire;

/**
 * SMB2 TREE_CONNECT Request (MS-SMB2 2.2.9), including the SMB 3.1.1 request extension (2.2.9.1).
 *
 * <p>PathOffset always counts from the header start, with or without the extension. When
 * {@link #FLAG_EXTENSION_PRESENT} is set, the Buffer begins with the 16-byte extension header
 * (TreeConnectContextOffset 4, TreeConnectContextCount 2, Reserved 10) and the PathName follows it, so the
 * path may not start before offset 88. The tree connect contexts (2.2.9.2, remoted identity) are kept as raw
 * values: Bossa does not use them.
 *
 * @param flags Flags/Reserved (2 bytes): FLAG_ constants; reserved before 3.1.1
 * @param path PathOffset (2 bytes) / PathLength (2 bytes): the share path "\\server\share" in UTF-16LE
 * @param contextOffset TreeConnectContextOffset (4 bytes) of the extension, 0 without one
 * @param contextCount TreeConnectContextCount (2 bytes) of the extension, 0 without one
 */
public record TreeConnectRequest(int flags, String path, long contextOffset, int contextCount) {
    public static final int STRUCTURE_SIZE = 9;
    /** SMB2_TREE_CONNECT_FLAG_CLUSTER_RECONNECT. */
    public static final int FLAG_CLUSTER_RECONNECT = 0x0001;
    /** SMB2_TREE_CONNECT_FLAG_REDIRECT_TO_OWNER. */
    public static final int FLAG_REDIRECT_TO_OWNER = 0x0002;
    /** SMB2_TREE_CONNECT_FLAG_EXTENSION_PRESENT. */
    public static final int FLAG_EXTENSION_PRESENT = 0x0004;

    /** Offset of the Buffer field (and of the extension, when present). */
    public static final int BUFFER_OFFSET = Body.START + 8;
    /** Size of the extension header before PathName. */
    public static final int EXTENSION_SIZE = 16;

    /** A classic request without the extension. */
    public TreeConnectRequest(int flags, String path) {
        this(flags & ~FLAG_EXTENSION_PRESENT, path, 0, 0);
    }

    public boolean hasExtension() {
        return (flags & FLAG_EXTENSION_PRESENT) != 0;
    }

    public static TreeConnectRequest decode(WireReader r) {
        Body.fixed(r, STRUCTURE_SIZE);
        int flags = r.u16(Body.START + 2);
        int pathOffset = r.u16(Body.START + 4);
        int pathLength = r.u16(Body.START + 6);
        long ctxOffset = 0;
        int ctxCount = 0;
        int minPath = BUFFER_OFFSET;
        if ((flags & FLAG_EXTENSION_PRESENT) != 0) {
            r.require(BUFFER_OFFSET, EXTENSION_SIZE, "tree connect request extension");
            ctxOffset = Body.unsigned(r.u32(BUFFER_OFFSET));
            ctxCount = r.u16(BUFFER_OFFSET + 4);
            minPath = BUFFER_OFFSET + EXTENSION_SIZE;
        }
        Body.buffer(r, pathOffset, pathLength, minPath, "PathName");
        String path = pathLength == 0 ? "" : r.utf16(pathOffset, pathLength, NtStatus.INVALID_PARAMETER);
        return new TreeConnectRequest(flags, path, ctxOffset, ctxCount);
    }

    /**
     * Writes the request. With the extension flag set, writes the extension header with this record's
     * context offset and count (the contexts themselves are not written) and the path after it.
     */
    public void encode(WireWriter w) {
        w.u16(STRUCTURE_SIZE).u16(flags);
        int offsetAt = w.reserve(2);
        int lengthAt = w.reserve(2);
        if (hasExtension()) {
            w.u32(contextOffset).u16(contextCount).zeros(10);
        }
        int pathAt = w.position();
        int len = w.utf16(path);
        if (len == 0 && !hasExtension()) {
            w.u8(0);
        }
        w.putU16(offsetAt, pathAt);
        w.putU16(lengthAt, len);
    }
}
