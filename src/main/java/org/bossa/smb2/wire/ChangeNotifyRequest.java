package org.bossa.smb2.wire;

/**
 * SMB2 CHANGE_NOTIFY Request (MS-SMB2 2.2.35).
 *
 * @param flags Flags (2 bytes): {@link #FLAG_WATCH_TREE}
 * @param outputBufferLength OutputBufferLength (4 bytes): most bytes the client accepts
 * @param fileId FileId (16 bytes): an open directory
 * @param completionFilter CompletionFilter (4 bytes): FILE_NOTIFY_CHANGE_ constants
 */
public record ChangeNotifyRequest(int flags, int outputBufferLength, FileId fileId, int completionFilter) {
    public static final int STRUCTURE_SIZE = 32;
    /** SMB2_WATCH_TREE: watch the subtree, not only the directory. */
    public static final int FLAG_WATCH_TREE = 0x0001;

    public static final int FILE_NOTIFY_CHANGE_FILE_NAME = 0x00000001;
    public static final int FILE_NOTIFY_CHANGE_DIR_NAME = 0x00000002;
    public static final int FILE_NOTIFY_CHANGE_ATTRIBUTES = 0x00000004;
    public static final int FILE_NOTIFY_CHANGE_SIZE = 0x00000008;
    public static final int FILE_NOTIFY_CHANGE_LAST_WRITE = 0x00000010;
    public static final int FILE_NOTIFY_CHANGE_LAST_ACCESS = 0x00000020;
    public static final int FILE_NOTIFY_CHANGE_CREATION = 0x00000040;
    public static final int FILE_NOTIFY_CHANGE_EA = 0x00000080;
    public static final int FILE_NOTIFY_CHANGE_SECURITY = 0x00000100;
    public static final int FILE_NOTIFY_CHANGE_STREAM_NAME = 0x00000200;
    public static final int FILE_NOTIFY_CHANGE_STREAM_SIZE = 0x00000400;
    public static final int FILE_NOTIFY_CHANGE_STREAM_WRITE = 0x00000800;

    public boolean watchTree() {
        return (flags & FLAG_WATCH_TREE) != 0;
    }

    public static ChangeNotifyRequest decode(WireReader r) {
        Body.fixed(r, STRUCTURE_SIZE);
        int b = Body.START;
        // StructureSize (2), Flags (2), OutputBufferLength (4), FileId (16), CompletionFilter (4), Reserved (4)
        return new ChangeNotifyRequest(r.u16(b + 2), r.u32(b + 4), FileId.decode(r, b + 8), r.u32(b + 24));
    }

    public void encode(WireWriter w) {
        w.u16(STRUCTURE_SIZE).u16(flags).u32(outputBufferLength);
        fileId.encode(w);
        w.u32(completionFilter).u32(0);
    }
}
