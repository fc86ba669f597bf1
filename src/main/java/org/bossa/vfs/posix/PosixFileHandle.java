package org.bossa.vfs.posix;

import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import org.bossa.smb2.wire.NtStatus;
import org.bossa.vfs.DirectoryReader;
import org.bossa.vfs.FileHandle;
import org.bossa.vfs.FileStat;
import org.bossa.vfs.FsIdentity;
import org.bossa.vfs.FsStat;
import org.bossa.vfs.Names;
import org.bossa.vfs.OpenMode;
import org.bossa.vfs.VfsException;

/**
 * A {@link FileHandle} on a Linux descriptor. Data I/O is {@link PosixIo}. Calls that the kernel refuses on O_PATH
 * descriptors (xattrs, fchmod, futimens) go through the descriptor's /proc/self/fd/N magic link,
 * which names exactly the inode already open, so no path inside the share is walked again.
 *
 * <p>Every call runs in a {@link CredentialScope} of the identity the handle was opened with, on
 * whichever thread makes it; closing needs no switch.
 */
final class PosixFileHandle implements FileHandle {

    private final FdGuard guard;
    private final OpenMode mode;
    private final boolean created;
    private final ThreadCredentials creds;

    PosixFileHandle(int fd, OpenMode mode, boolean created, ThreadCredentials creds) {
        this.guard = new FdGuard(fd);
        this.mode = mode;
        this.created = created;
        this.creds = creds;
    }

    /**
     * The descriptor held open and the thread in this handle's identity, for one call: every method
     * that touches the descriptor runs inside one, so neither can be forgotten.
     */
    private Held hold() {
        CredentialScope scope = CredentialScope.enter(creds);
        try {
            return new Held(guard.acquire(), scope);
        } catch (RuntimeException e) {
            scope.close();
            throw e;
        }
    }

    /** See {@link #hold}: closing releases the descriptor, then restores the thread's credentials. */
    private final class Held implements AutoCloseable {
        private final int fd;
        private final CredentialScope scope;

        Held(int fd, CredentialScope scope) {
            this.fd = fd;
            this.scope = scope;
        }

        int fd() {
            return fd;
        }

        @Override
        public void close() {
            try {
                guard.release();
            } finally {
                scope.close();
            }
        }
    }

    @Override
    public FsIdentity identity() {
        return creds.identity();
    }

    /**
     * Wraps a freshly opened descriptor after checking its type: NON_DIRECTORY refuses a directory
     * (FILE_IS_A_DIRECTORY); a data handle (not O_PATH) must be a regular file or directory, since
     * FIFOs, sockets and devices have no business in a share (ACCESS_DENIED). Closes {@code fd} on
     * refusal. Called inside the scope of {@code creds}, which the handle keeps.
     */
    static PosixFileHandle wrap(int fd, OpenMode mode, boolean created, String path, ThreadCredentials creds) {
        boolean pathOnly = mode.access() == OpenMode.Access.PATH;
        if (pathOnly && mode.kind() != OpenMode.Kind.NON_DIRECTORY) {
            return new PosixFileHandle(fd, mode, created, creds);
        }
        int type;
        try (Sys sys = new Sys()) {
            MemorySegment b = sys.alloc(Statx.SIZE);
            if (sys.statx(fd, "", LibC.AT_EMPTY_PATH, Statx.STATX_TYPE, b) < 0) {
                VfsException e = sys.fail("statx", path);
                Sys.close(fd);
                throw e;
            }
            type = Statx.mode(b) & FileStat.S_IFMT;
        }
        if (type == FileStat.S_IFDIR && mode.kind() == OpenMode.Kind.NON_DIRECTORY) {
            Sys.close(fd);
            throw new VfsException(Errno.EISDIR, NtStatus.FILE_IS_A_DIRECTORY, "is a directory: " + path);
        }
        if (!pathOnly && type != FileStat.S_IFDIR && type != FileStat.S_IFREG) {
            Sys.close(fd);
            throw new VfsException(NtStatus.ACCESS_DENIED, "not a regular file or directory: " + path);
        }
        return new PosixFileHandle(fd, mode, created, creds);
    }

    @Override
    public int fd() {
        return guard.rawFd();
    }

    @Override
    public OpenMode mode() {
        return mode;
    }

    @Override
    public boolean created() {
        return created;
    }

    private boolean pathOnly() {
        return mode.access() == OpenMode.Access.PATH;
    }

    private static String procPath(int fd) {
        return "/proc/self/fd/" + fd;
    }

    @Override
    public FileStat stat() {
        try (Held held = hold()) {
            int fd = held.fd();
            return statAt(fd, "", LibC.AT_EMPTY_PATH);
        }
    }

    @Override
    public FileStat statAt(String name) {
        Names.checkLocalName(name);
        try (Held held = hold()) {
            int fd = held.fd();
            return statAt(fd, name);
        }
    }

    static FileStat statAt(int dirfd, String name) {
        return statAt(dirfd, name, LibC.AT_SYMLINK_NOFOLLOW);
    }

    private static FileStat statAt(int dirfd, String name, int flags) {
        try (Sys sys = new Sys()) {
            MemorySegment b = sys.alloc(Statx.SIZE);
            if (sys.statx(dirfd, name, flags, Statx.STATX_ALL, b) < 0) {
                throw sys.fail("statx", name);
            }
            return Statx.decode(b);
        }
    }

    // ---- data ----

    @Override
    public int read(long offset, ByteBuffer dst) {
        try (Held held = hold()) {
            int fd = held.fd();
            return PosixIo.read(fd, offset, dst);
        }
    }

    @Override
    public int read(long offset, byte[] dst, int off, int len) {
        Objects.checkFromIndexSize(off, len, dst.length);
        return read(offset, ByteBuffer.wrap(dst, off, len));
    }

    @Override
    public int write(long offset, ByteBuffer src) {
        try (Held held = hold()) {
            int fd = held.fd();
            return PosixIo.write(fd, offset, src);
        }
    }

    @Override
    public int write(long offset, byte[] src, int off, int len) {
        Objects.checkFromIndexSize(off, len, src.length);
        return write(offset, ByteBuffer.wrap(src, off, len));
    }

    @Override
    public void fsync() {
        simple(LibC.FSYNC, "fsync");
    }

    @Override
    public void fdatasync() {
        simple(LibC.FDATASYNC, "fdatasync");
    }

    private void simple(java.lang.invoke.MethodHandle h, String op) {
        try (Held held = hold(); Sys sys = new Sys()) {
            int fd = held.fd();
            int r;
            do {
                r = sys.call(h, fd);
            } while (r < 0 && sys.errno() == Errno.EINTR);
            if (r < 0) {
                throw sys.fail(op, null);
            }
        }
    }

    @Override
    public void truncate(long size) {
        PosixIo.checkOffset(size);
        try (Held held = hold(); Sys sys = new Sys()) {
            int fd = held.fd();
            int r;
            do {
                r = sys.ftruncate(fd, size);
            } while (r < 0 && sys.errno() == Errno.EINTR);
            if (r < 0) {
                throw sys.fail("ftruncate", null);
            }
        }
    }

    @Override
    public void allocate(long size) {
        PosixIo.checkOffset(size);
        if (size == 0) {
            return;
        }
        try (Held held = hold(); Sys sys = new Sys()) {
            int fd = held.fd();
            int r;
            do {
                r = sys.fallocate(fd, LibC.FALLOC_FL_KEEP_SIZE, 0, size);
            } while (r < 0 && sys.errno() == Errno.EINTR);
            if (r < 0 && sys.errno() != Errno.EOPNOTSUPP) {
                throw sys.fail("fallocate", null);
            }
        }
    }

    // ---- attributes ----

    @Override
    public void setTimes(Long atimeNanos, Long mtimeNanos) {
        if (atimeNanos == null && mtimeNanos == null) {
            return;
        }
        try (Held held = hold(); Sys sys = new Sys()) {
            int fd = held.fd();
            MemorySegment times = sys.alloc(32); // struct timespec[2] { s64 tv_sec; s64 tv_nsec; }
            putTime(times, 0, atimeNanos);
            putTime(times, 16, mtimeNanos);
            int r = pathOnly()
                    ? sys.utimensat(LibC.AT_FDCWD, procPath(fd), times, 0)
                    : sys.futimens(fd, times);
            if (r < 0) {
                throw sys.fail("utimensat", null);
            }
        }
    }

    private static void putTime(MemorySegment times, long off, Long nanos) {
        if (nanos == null) {
            times.set(JAVA_LONG, off, 0);
            times.set(JAVA_LONG, off + 8, LibC.UTIME_OMIT);
        } else {
            times.set(JAVA_LONG, off, Math.floorDiv(nanos, 1_000_000_000L));
            times.set(JAVA_LONG, off + 8, Math.floorMod(nanos, 1_000_000_000L));
        }
    }

    @Override
    public void chmod(int newMode) {
        try (Held held = hold(); Sys sys = new Sys()) {
            int fd = held.fd();
            int r = pathOnly()
                    ? sys.fchmodat(LibC.AT_FDCWD, procPath(fd), newMode & 07777, 0)
                    : sys.fchmod(fd, newMode & 07777);
            if (r < 0) {
                throw sys.fail("chmod", null);
            }
        }
    }

    @Override
    public void chown(int uid, int gid) {
        try (Held held = hold(); Sys sys = new Sys()) {
            int fd = held.fd();
            if (sys.fchownat(fd, "", uid, gid, LibC.AT_EMPTY_PATH | LibC.AT_SYMLINK_NOFOLLOW) < 0) {
                throw sys.fail("fchownat", null);
            }
        }
    }

    // ---- xattrs ----

    @Override
    public byte[] getXattr(String name) {
        try (Held held = hold(); Sys sys = new Sys()) {
            int fd = held.fd();
            return Xattrs.get(sys, fd, pathOnly() ? procPath(fd) : null, name);
        }
    }

    @Override
    public void setXattr(String name, byte[] value) {
        try (Held held = hold(); Sys sys = new Sys()) {
            int fd = held.fd();
            Xattrs.set(sys, fd, pathOnly() ? procPath(fd) : null, name, value);
        }
    }

    @Override
    public void removeXattr(String name) {
        try (Held held = hold(); Sys sys = new Sys()) {
            int fd = held.fd();
            Xattrs.remove(sys, fd, pathOnly() ? procPath(fd) : null, name);
        }
    }

    @Override
    public List<String> listXattrs() {
        try (Held held = hold(); Sys sys = new Sys()) {
            int fd = held.fd();
            return Xattrs.list(sys, fd, pathOnly() ? procPath(fd) : null);
        }
    }

    @Override
    public String readlink() {
        try (Held held = hold(); Sys sys = new Sys()) {
            int fd = held.fd();
            for (long size = 256; ; size *= 4) {
                MemorySegment buf = sys.alloc(size);
                long n = sys.readlinkat(fd, "", buf, size);
                if (n < 0) {
                    int e = sys.errno();
                    throw Errno.exception(e, e == Errno.EINVAL || e == Errno.ENOENT
                            ? NtStatus.NOT_A_REPARSE_POINT : Errno.toStatus(e), "readlinkat", null);
                }
                if (n < size) {
                    return new String(buf.asSlice(0, n).toArray(java.lang.foreign.ValueLayout.JAVA_BYTE),
                            StandardCharsets.UTF_8);
                }
            }
        }
    }

    @Override
    public FsStat statfs() {
        try (Held held = hold()) {
            int fd = held.fd();
            return statfs(fd);
        }
    }

    static FsStat statfs(int fd) {
        try (Sys sys = new Sys()) {
            MemorySegment b = sys.alloc(Statx.STATFS_SIZE);
            if (sys.fstatfs(fd, b) < 0) {
                throw sys.fail("fstatfs", null);
            }
            return Statx.decodeStatfs(b);
        }
    }

    // ---- new handles ----

    /**
     * Opens /proc/self/fd/N. The magic link resolves straight to the inode this descriptor holds (no
     * name inside the share is looked up again, so a rename or symlink swap since the first open
     * cannot redirect it), and the kernel checks the requested access against that inode.
     */
    @Override
    public FileHandle reopen(OpenMode newMode) {
        OpenMode m = newMode.withoutCreate();
        if (newMode.truncateOnOpen()) {
            m = m.truncate();
        }
        int flags = PosixShareRoot.openFlags(m) & ~LibC.O_NOFOLLOW;
        try (Held held = hold(); Sys sys = new Sys()) {
            int fd = held.fd();
            int nfd = sys.openat(LibC.AT_FDCWD, procPath(fd), flags, 0);
            if (nfd < 0) {
                throw sys.fail("reopen", null);
            }
            return wrap(nfd, m, false, procPath(fd), creds);
        }
    }

    @Override
    public DirectoryReader list() {
        try (Held held = hold()) {
            int fd = held.fd();
            return PosixDirectoryReader.open(fd, creds);
        }
    }

    @Override
    public void close() {
        guard.close();
    }

    @Override
    public String toString() {
        return "PosixFileHandle[fd=" + guard.rawFd() + ", " + mode.access() + (guard.isClosed() ? ", closed]" : "]");
    }
}
