package org.bossa.vfs;

import java.nio.file.Path;
import java.util.List;
import org.bossa.vfs.posix.PosixShareRoot;

/**
 * The directory a share exports, held open as a descriptor. Every path below is relative to it and
 * every lookup is confined to it by the kernel (openat2 with RESOLVE_BENEATH |
 * RESOLVE_NO_MAGICLINKS): "..", absolute paths and symlinks leading outside fail with
 * ACCESS_DENIED, even when a symlink is swapped in between {@link #resolve} and {@link #open}.
 * Symlinks that stay inside the share are followed.
 *
 * <p>Relative paths use '/' and are the ones {@link #resolve} returns; "." is the share root.
 * Safe for use from many threads; {@link #close} waits for no one: calls that already hold the
 * descriptor finish, later calls fail with FILE_CLOSED. Handles opened from the root stay valid
 * after it is closed.
 *
 * <p><b>Whose credentials.</b> {@link #open(Path)} returns the server's view: its calls run as the
 * server process (root), for the few operations that need that on purpose. {@link #as} returns a
 * view of the same share whose calls, and all later calls on the handles and directory readers it
 * opens, run in the kernel with a user's uid, gid and groups ({@link FsIdentity}), so the kernel's
 * permission checks apply to that user. A handle keeps its identity whichever thread uses it.
 */
public interface ShareRoot extends AutoCloseable {

    /** Opens {@code root} (which must be a directory) as a share root. */
    static ShareRoot open(Path root) {
        return PosixShareRoot.open(root);
    }

    /**
     * A view of this share whose every call runs as {@code identity} in the kernel (see the class
     * comment); {@link FsIdentity#SERVER} gives the server's view. Cheap: the share's descriptor is
     * shared, and closing a view does nothing (the server's view owns the descriptor, and once it
     * is closed every view's calls fail with FILE_CLOSED). Handles opened through the view run as
     * {@code identity} too. A failed switch fails the call with ACCESS_DENIED.
     */
    ShareRoot as(FsIdentity identity);

    /** Who this view's calls run as: {@link FsIdentity#SERVER} for the view {@link #open(Path)} returns. */
    FsIdentity identity();

    /**
     * Holds this view's identity on the calling thread until the scope is closed, so that a request
     * making many calls through this view (and the handles it opened) pays for one switch instead
     * of one per call. The switch is lazy: it happens at the first call made inside the scope, and a
     * request that makes none pays nothing; calls of the same identity after it switch nothing more.
     * A call through a view of another identity inside the scope is a programming error
     * (IllegalStateException). A virtual thread is pinned to its carrier for the scope's length, so
     * keep it around work that does not wait for other requests. For the server's view, or when
     * switching is unsupported, nothing is switched.
     *
     * @throws VfsException ACCESS_DENIED if the switch fails (the thread is then unchanged)
     */
    IdentityScope enter();

    /** Whether {@code other} is a view (any identity) of the same opened share as this one. */
    boolean sameShare(ShareRoot other);

    /**
     * Maps client path components to the on-disk relative path. Each component is validated
     * ({@link Names#checkComponent}, OBJECT_NAME_INVALID) and matched exactly if such an entry
     * exists, otherwise case-insensitively ({@link NameFold}; the ordinally smallest of several
     * matches wins). A missing last component is returned as given, so the path can be created; a
     * missing or non-directory intermediate component fails with OBJECT_PATH_NOT_FOUND. An empty
     * list is the root, ".".
     *
     * <p>The result is advice, not a capability: the filesystem may change before it is used, and
     * {@link #open} enforces containment on its own.
     */
    String resolve(List<String> components);

    /** Opens {@code relPath} below the root. See {@link OpenMode}. */
    FileHandle open(String relPath, OpenMode mode);

    /** Creates the directory {@code relPath} and returns a handle on it (read access, directory). */
    FileHandle mkdir(String relPath, int mode);

    /**
     * Removes {@code relPath}: a directory (rmdir; DIRECTORY_NOT_EMPTY if it has entries) or a
     * non-directory (unlink; FILE_IS_A_DIRECTORY if it is a directory).
     */
    void unlink(String relPath, boolean directory);

    /**
     * Renames {@code fromRel} to {@code toRel}. Without {@code replace} an existing target fails with
     * OBJECT_NAME_COLLISION (RENAME_NOREPLACE, atomic). With it, an existing target is replaced
     * atomically (POSIX rules: a directory only by a directory, and only if empty).
     */
    void rename(String fromRel, String toRel, boolean replace);

    /** Creates a hard link {@code newRel} to the non-directory {@code existingRel} (never follows a symlink). */
    void link(String existingRel, String newRel);

    /** Statistics of the filesystem holding the share. */
    FsStat statfs();

    /** The root directory descriptor (for diagnostics). */
    int fd();

    /** Closes the share's descriptor if this is the server's view; a no-op on an {@link #as} view. */
    @Override
    void close();
}
