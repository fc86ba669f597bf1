package org.bossa.smb2.wire;

import java.util.List;

/**
 * SMB2 CREATE Response (MS-SMB2 2.2.14). Times are FILETIME values (100 ns since 1601).
 *
 * @param oplockLevel OplockLevel (1 byte): the oplock granted, LEASE when a lease context answers
 * @param flags Flags (1 byte): {@link #FLAG_REPARSEPOINT} (3.1.1 only)
 * @param createAction CreateAction (4 bytes)
 * @param creationTime CreationTime (8 bytes)
 * @param lastAccessTime LastAccessTime (8 bytes)
 * @param lastWriteTime LastWriteTime (8 bytes)
 * @param changeTime ChangeTime (8 bytes)
 * @param allocationSize AllocationSize (8 bytes)
 * @param endOfFile EndofFile (8 bytes)
 * @param fileAttributes FileAttributes (4 bytes), MS-FSCC 2.6
 * @param fileId FileId (16 bytes)
 * @param contexts CreateContextsOffset (4 bytes) / CreateContextsLength (4 bytes): response contexts
 */
public record CreateResponse(OplockLevel oplockLevel, int flags, CreateAction createAction, long creationTime,
                             long lastAccessTime, long lastWriteTime, long changeTime, long allocationSize,
                             long endOfFile, int fileAttributes, FileId fileId, List<CreateContext> contexts) {
    public static final int STRUCTURE_SIZE = 89;
    /** SMB2_CREATE_FLAG_REPARSEPOINT: the opened file is a reparse point. */
    public static final int FLAG_REPARSEPOINT = 0x01;
    /** Where the first create context goes: right after the 88-byte fixed part (8-byte aligned). */
    public static final int CONTEXTS_OFFSET = Body.START + 88;

    public CreateResponse {
        contexts = List.copyOf(contexts);
    }

    /** The same response with other contexts (handlers add MxAc, QFid, lease answers ...). */
    public CreateResponse withContexts(List<CreateContext> newContexts) {
        return new CreateResponse(oplockLevel, flags, createAction, creationTime, lastAccessTime, lastWriteTime,
                changeTime, allocationSize, endOfFile, fileAttributes, fileId, newContexts);
    }

    public void encode(WireWriter w) {
        w.u16(STRUCTURE_SIZE).u8(oplockLevel.code()).u8(flags).u32(createAction.code())
                .u64(creationTime).u64(lastAccessTime).u64(lastWriteTime).u64(changeTime)
                .u64(allocationSize).u64(endOfFile).u32(fileAttributes).u32(0);
        fileId.encode(w);
        int ctxOffsetAt = w.reserve(4);
        int ctxLengthAt = w.reserve(4);
        if (contexts.isEmpty()) {
            w.u8(0);
            return;
        }
        w.align(8);
        int at = w.position();
        int len = CreateContexts.encode(w, contexts);
        w.putU32(ctxOffsetAt, at);
        w.putU32(ctxLengthAt, len);
    }
}
