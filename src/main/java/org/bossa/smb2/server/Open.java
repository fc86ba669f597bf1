package org.bossa.smb2.server;

import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.bossa.dcerpc.NamedPipe;
import org.bossa.locking.FileState;
import org.bossa.locking.OpenOwner;
import org.bossa.smb2.wire.NtStatus;
import org.bossa.vfs.FileHandle;

/**
 * An open file, directory or pipe (MS-SMB2 3.3.1.10 Open). Immutable identity and grants; the few
 * mutable parts (name after rename, delete-on-close, directory cursor, position) are volatile or
 * guarded by the open itself.
 */
public final class Open {
    private final OpenId id;
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
    // Pending CHANGE_NOTIFY replies: O(1) add and remove (each removes itself when it completes);
    // how many a connection may hold is bounded by its pending-async limit.
    private final Set<CompletableFuture<Reply>> notifies = ConcurrentHashMap.newKeySet();

    Open(OpenId id, TreeConnect tree, String path, FileHandle handle, NamedPipe pipe,
         boolean directory, int grantedAccess, int shareAccess, int createOptions, FileState fileState) {
        this.id = id;
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
        return id.persistentId();
    }

    public long volatileId() {
        return id.volatileId();
    }

    /** The identity this open's share-mode record and byte-range locks are kept under. */
    public OpenOwner owner() {
        return id;
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
            throw new SmbStatusException(NtStatus.ACCESS_DENIED);
        }
    }

    void addNotify(CompletableFuture<Reply> f) {
        notifies.add(f);
        f.whenComplete((r, e) -> notifies.remove(f));
    }

    /** Completes pending CHANGE_NOTIFY requests with STATUS_NOTIFY_CLEANUP (the handle closed). */
    void cleanupNotifies() {
        for (var f : notifies) {
            f.complete(Reply.error(NtStatus.NOTIFY_CLEANUP));
        }
    }

    synchronized DirectoryCursor cursor() {
        return cursor;
    }

    synchronized void cursor(DirectoryCursor c) {
        cursor = c;
    }
}
