package org.bossa.vfs;

import java.nio.ByteBuffer;
import java.util.List;

/**
 * An open file or directory below a share root, wrapping one descriptor. Safe for use from many
 * (virtual) threads at once: positional I/O has no shared offset, and {@link #close} never closes
 * the descriptor under a call in progress (the last call to finish closes it; calls that start
 * after close fail with FILE_CLOSED).
 *
 * <p>An O_PATH handle ({@link OpenMode.Access#PATH}) supports {@link #stat}, {@link #statfs},
 * attribute and xattr changes, {@link #list} and {@link #reopen}; data I/O on it fails with
 * INVALID_HANDLE. Failures throw {@link VfsException}.
 *
 * <p>{@link #fd()} hands out the raw descriptor: a call made on it directly (sendfile, splice) runs
 * with the calling thread's credentials, not {@link #identity()}.
 */
public interface FileHandle extends AutoCloseable {

    /** The descriptor, for zero-copy paths (sendfile, splice). Valid only while the handle is open. */
    int fd();

    /** The mode the handle was opened with. */
    OpenMode mode();

    /** Whether opening this handle created the file or directory. */
    boolean created();

    /**
     * Who every call on this handle runs as in the kernel: the identity of the {@link ShareRoot}
     * view that opened it ({@link ShareRoot#as}), whichever thread makes the call.
     */
    FsIdentity identity();

    FileStat stat();

    /**
     * Attributes of {@code name} in this directory without following a symlink
     * (statx(fd, name, AT_SYMLINK_NOFOLLOW)); {@code name} is a single component.
     */
    FileStat statAt(String name);

    /** Reads at {@code offset} until {@code dst} is full or end of file; returns the bytes read (0 at EOF). */
    int read(long offset, ByteBuffer dst);

    int read(long offset, byte[] dst, int off, int len);

    /** Writes all of {@code src} at {@code offset}; returns the bytes written. */
    int write(long offset, ByteBuffer src);

    int write(long offset, byte[] src, int off, int len);

    void fsync();

    void fdatasync();

    void truncate(long size);

    /** Reserves disk space up to {@code size} without changing the file size; a no-op where unsupported. */
    void allocate(long size);

    /** Sets access and modification time in nanoseconds since the epoch; null leaves one unchanged. */
    void setTimes(Long atimeNanos, Long mtimeNanos);

    void chmod(int mode);

    /** Changes owner and group; -1 leaves one unchanged. */
    void chown(int uid, int gid);

    /** The value of extended attribute {@code name} (e.g. "user.DOSATTRIB"), or null if absent. */
    byte[] getXattr(String name);

    void setXattr(String name, byte[] value);

    /** Removes {@code name}; absent is not an error. */
    void removeXattr(String name);

    List<String> listXattrs();

    /** The target of a symlink handle (opened with {@link OpenMode#noFollow()} and PATH access). */
    String readlink();

    FsStat statfs();

    /**
     * A new, independent handle on the same file with another access mode (e.g. upgrading an O_PATH
     * handle). Creation flags in {@code mode} are ignored; truncate is honoured.
     */
    FileHandle reopen(OpenMode mode);

    /** A streaming listing of this directory, with its own position. */
    DirectoryReader list();

    @Override
    void close();
}
