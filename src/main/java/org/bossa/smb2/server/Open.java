package org.bossa.smb2.server;

import org.bossa.dcerpc.NamedPipe;
import org.bossa.locking.FileState;
import org.bossa.vfs.FileHandle;

/**
 * An open file, directory or pipe (MS-SMB2 3.3.1.10 Open). Immutable identity and grants; the few
 * mutable parts (name after rename, delete-on-close, directory cursor, position) are volatile or
 * guarded by the open itself.
 */
public final class Open {
    private final long persistentId;
    private final long volatileId;
    private final TreeConnect tree;
    private final FileHandle handle;
    private final NamedPipe pipe;
    private final boolean directory;
    private final int grantedAccess;
    private final int shareAccess;
    private final int createOptions;
    private final FileState fileState;
    private volatile String path;
    private volatile boolean deleteOnClose;
    private volatile long position;
    private DirectoryCursor cursor;
    private final java.util.List<java.util.concurrent.CompletableFuture<Reply>> notifies =
            new java.util.concurrent.CopyOnWriteArrayList<>();

    Open(long persistentId, long volatileId, TreeConnect tree, String path, FileHandle handle, NamedPipe pipe,
         boolean directory, int grantedAccess, int shareAccess, int createOptions, FileState fileState) {
        this.persistentId = persistentId;
        this.volatileId = volatileId;
        this.tree = tree;
        this.path = path;
        this.handle = handle;
        this.pipe = pipe;
        this.directory = directory;
        this.grantedAccess = grantedAccess;
        this.shareAccess = shareAccess;
        this.createOptions = createOptions;
        this.fileState = fileState;
    }

    public long persistentId() {
        return persistentId;
    }

    public long volatileId() {
        return volatileId;
    }

    public TreeConnect tree() {
        return tree;
    }

    /** On-disk path relative to the share root, '/'-separated; "." is the root. */
    public String path() {
        return path;
    }

    void path(String p) {
        path = p;
    }

    public FileHandle handle() {
        return handle;
    }

    public NamedPipe pipe() {
        return pipe;
    }

    public boolean isPipe() {
        return pipe != null;
    }

    public boolean isDirectory() {
        return directory;
    }

    public int grantedAccess() {
        return grantedAccess;
    }

    public int shareAccess() {
        return shareAccess;
    }

    public int createOptions() {
        return createOptions;
    }

    public FileState fileState() {
        return fileState;
    }

    public boolean deleteOnClose() {
        return deleteOnClose;
    }

    void deleteOnClose(boolean d) {
        deleteOnClose = d;
    }

    public long position() {
        return position;
    }

    void position(long p) {
        position = p;
    }

    /** Throws ACCESS_DENIED unless every bit of {@code mask} was granted at open time. */
    void require(int mask) {
        if ((grantedAccess & mask) != mask) {
            throw new SmbStatusException(org.bossa.smb2.wire.NtStatus.ACCESS_DENIED);
        }
    }

    void addNotify(java.util.concurrent.CompletableFuture<Reply> f) {
        notifies.add(f);
        f.whenComplete((r, e) -> notifies.remove(f));
    }

    /** Completes pending CHANGE_NOTIFY requests with STATUS_NOTIFY_CLEANUP (the handle closed). */
    void cleanupNotifies() {
        for (var f : notifies) {
            f.complete(Reply.error(org.bossa.smb2.wire.NtStatus.NOTIFY_CLEANUP));
        }
    }

    synchronized DirectoryCursor cursor() {
        return cursor;
    }

    synchronized void cursor(DirectoryCursor c) {
        cursor = c;
    }
}
