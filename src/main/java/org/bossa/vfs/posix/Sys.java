package org.bossa.vfs.posix;

import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import org.bossa.smb2.wire.NtStatus;
import org.bossa.vfs.VfsException;

/**
 * The scratch space of one or a few native calls on one thread: a confined arena for C strings and
 * structs, and the segment errno is captured into. Methods return the raw result (negative on
 * failure); {@link #fail} turns the captured errno into a {@link VfsException}.
 *
 * <pre>{@code
 * try (Sys sys = new Sys()) {
 *     int fd = sys.openat2(dirfd, path, flags, 0, resolve);
 *     if (fd < 0) throw sys.fail("openat2", path);
 * }
 * }</pre>
 */
final class Sys implements AutoCloseable {

    private final Arena arena = Arena.ofConfined();
    private final MemorySegment state = arena.allocate(LibC.CAPTURE_LAYOUT);

    Arena arena() {
        return arena;
    }

    /** The errno captured by the last call made through this object. */
    int errno() {
        return state.get(JAVA_INT, LibC.ERRNO_OFFSET);
    }

    VfsException fail(String op, String path) {
        return Errno.exception(errno(), op, path);
    }

    VfsException fail(NtStatus status, String op, String path) {
        return Errno.exception(errno(), status, op, path);
    }

    /** A NUL-terminated UTF-8 copy of {@code s}; a NUL inside {@code s} is OBJECT_NAME_INVALID. */
    MemorySegment cstr(String s) {
        if (s.indexOf('\0') >= 0) {
            throw new VfsException(NtStatus.OBJECT_NAME_INVALID, "name contains NUL");
        }
        return arena.allocateFrom(s);
    }

    MemorySegment alloc(long bytes) {
        return arena.allocate(bytes, 8);
    }

    // ---- calls ----

    int openat2(int dirfd, String path, long flags, long mode, long resolve) {
        MemorySegment how = arena.allocate(24, 8); // struct open_how { u64 flags, mode, resolve; }
        how.set(JAVA_LONG, 0, flags);
        how.set(JAVA_LONG, 8, mode);
        how.set(JAVA_LONG, 16, resolve);
        MemorySegment p = cstr(path);
        try {
            return (int) (long) LibC.SYSCALL_OPENAT2.invokeExact(state, LibC.SYS_OPENAT2, (long) dirfd, p, how, 24L);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    int openat(int dirfd, String path, int flags, int mode) {
        MemorySegment p = cstr(path);
        try {
            return (int) LibC.OPENAT.invokeExact(state, dirfd, p, flags, mode);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    int statx(int dirfd, String path, int flags, int mask, MemorySegment buf) {
        MemorySegment p = cstr(path);
        try {
            return (int) LibC.STATX.invokeExact(state, dirfd, p, flags, mask, buf);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    long pread(int fd, MemorySegment buf, long count, long offset) {
        try {
            return (long) LibC.PREAD.invokeExact(state, fd, buf, count, offset);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    long preadHeap(int fd, MemorySegment buf, long count, long offset) {
        try {
            return (long) LibC.PREAD_HEAP.invokeExact(state, fd, buf, count, offset);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    long pwriteHeap(int fd, MemorySegment buf, long count, long offset) {
        try {
            return (long) LibC.PWRITE_HEAP.invokeExact(state, fd, buf, count, offset);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    long pwrite(int fd, MemorySegment buf, long count, long offset) {
        try {
            return (long) LibC.PWRITE.invokeExact(state, fd, buf, count, offset);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    long getdents64(int fd, MemorySegment buf, long count) {
        try {
            return (long) LibC.GETDENTS64.invokeExact(state, fd, buf, count);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    long lseek(int fd, long offset, int whence) {
        try {
            return (long) LibC.LSEEK.invokeExact(state, fd, offset, whence);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** fsync/fdatasync/close/fchmod-style calls: one int argument. */
    int call(java.lang.invoke.MethodHandle h, int fd) {
        try {
            return (int) h.invokeExact(state, fd);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    int ftruncate(int fd, long size) {
        try {
            return (int) LibC.FTRUNCATE.invokeExact(state, fd, size);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    int fallocate(int fd, int mode, long offset, long len) {
        try {
            return (int) LibC.FALLOCATE.invokeExact(state, fd, mode, offset, len);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    int mkdirat(int dirfd, String name, int mode) {
        MemorySegment p = cstr(name);
        try {
            return (int) LibC.MKDIRAT.invokeExact(state, dirfd, p, mode);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    int unlinkat(int dirfd, String name, int flags) {
        MemorySegment p = cstr(name);
        try {
            return (int) LibC.UNLINKAT.invokeExact(state, dirfd, p, flags);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    int renameat2(int olddirfd, String oldName, int newdirfd, String newName, int flags) {
        MemorySegment o = cstr(oldName);
        MemorySegment n = cstr(newName);
        try {
            return (int) LibC.RENAMEAT2.invokeExact(state, olddirfd, o, newdirfd, n, flags);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    int linkat(int olddirfd, String oldName, int newdirfd, String newName, int flags) {
        MemorySegment o = cstr(oldName);
        MemorySegment n = cstr(newName);
        try {
            return (int) LibC.LINKAT.invokeExact(state, olddirfd, o, newdirfd, n, flags);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    long readlinkat(int dirfd, String path, MemorySegment buf, long size) {
        MemorySegment p = cstr(path);
        try {
            return (long) LibC.READLINKAT.invokeExact(state, dirfd, p, buf, size);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** fgetxattr, or getxattr on {@code procPath} when it is not null (O_PATH descriptors). */
    long getxattr(int fd, String procPath, MemorySegment name, MemorySegment value, long size) {
        try {
            return procPath == null
                    ? (long) LibC.FGETXATTR.invokeExact(state, fd, name, value, size)
                    : (long) LibC.GETXATTR.invokeExact(state, cstr(procPath), name, value, size);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    int setxattr(int fd, String procPath, MemorySegment name, MemorySegment value, long size, int flags) {
        try {
            return procPath == null
                    ? (int) LibC.FSETXATTR.invokeExact(state, fd, name, value, size, flags)
                    : (int) LibC.SETXATTR.invokeExact(state, cstr(procPath), name, value, size, flags);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    int removexattr(int fd, String procPath, MemorySegment name) {
        try {
            return procPath == null
                    ? (int) LibC.FREMOVEXATTR.invokeExact(state, fd, name)
                    : (int) LibC.REMOVEXATTR.invokeExact(state, cstr(procPath), name);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    long listxattr(int fd, String procPath, MemorySegment list, long size) {
        try {
            return procPath == null
                    ? (long) LibC.FLISTXATTR.invokeExact(state, fd, list, size)
                    : (long) LibC.LISTXATTR.invokeExact(state, cstr(procPath), list, size);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    int futimens(int fd, MemorySegment times) {
        try {
            return (int) LibC.FUTIMENS.invokeExact(state, fd, times);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    int utimensat(int dirfd, String path, MemorySegment times, int flags) {
        MemorySegment p = cstr(path);
        try {
            return (int) LibC.UTIMENSAT.invokeExact(state, dirfd, p, times, flags);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    int fchmod(int fd, int mode) {
        try {
            return (int) LibC.FCHMOD.invokeExact(state, fd, mode);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    int fchmodat(int dirfd, String path, int mode, int flags) {
        MemorySegment p = cstr(path);
        try {
            return (int) LibC.FCHMODAT.invokeExact(state, dirfd, p, mode, flags);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    int fchown(int fd, int uid, int gid) {
        try {
            return (int) LibC.FCHOWN.invokeExact(state, fd, uid, gid);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    int fchownat(int dirfd, String path, int uid, int gid, int flags) {
        MemorySegment p = cstr(path);
        try {
            return (int) LibC.FCHOWNAT.invokeExact(state, dirfd, p, uid, gid, flags);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    int fstatfs(int fd, MemorySegment buf) {
        try {
            return (int) LibC.FSTATFS.invokeExact(state, fd, buf);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    // ---- credentials of the calling thread (raw system calls; see CredentialScope) ----

    long setgroups(long count, MemorySegment list) {
        try {
            return (long) LibC.SYSCALL_NP.invokeExact(state, LibC.SYS_SETGROUPS, count, list);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    long getgroups(long size, MemorySegment list) {
        try {
            return (long) LibC.SYSCALL_NP.invokeExact(state, LibC.SYS_GETGROUPS, size, list);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** setresuid or setresgid ({@code nr}); -1 leaves an id unchanged. */
    long setres(long nr, long real, long effective, long saved) {
        try {
            return (long) LibC.SYSCALL_3.invokeExact(state, nr, real, effective, saved);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** getresuid or getresgid ({@code nr}) into three 4-byte cells. */
    long getres(long nr, MemorySegment real, MemorySegment effective, MemorySegment saved) {
        try {
            return (long) LibC.SYSCALL_PPP.invokeExact(state, nr, real, effective, saved);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** close(2); never retried (on Linux the descriptor is gone even after EINTR). */
    static void close(int fd) {
        try (Sys sys = new Sys()) {
            sys.call(LibC.CLOSE, fd);
        }
    }

    private static RuntimeException rethrow(Throwable t) {
        if (t instanceof RuntimeException r) {
            throw r;
        }
        if (t instanceof Error e) {
            throw e;
        }
        throw new IllegalStateException(t);
    }

    @Override
    public void close() {
        arena.close();
    }
}
