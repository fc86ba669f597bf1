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
 */
public interface ShareRoot extends AutoCloseable {

    /** Opens {@code root} (which must be a directory) as a share root. */
    static ShareRoot open(Path root) {
        return PosixShareRoot.open(root);
    }

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

    @Override
    void close();
}
