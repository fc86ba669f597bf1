package org.bossa.vfs.posix;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static java.lang.foreign.ValueLayout.JAVA_SHORT;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.concurrent.locks.ReentrantLock;
import org.bossa.smb2.wire.NtStatus;
import org.bossa.vfs.DirEntry;
import org.bossa.vfs.DirectoryReader;
import org.bossa.vfs.FileStat;
import org.bossa.vfs.Names;

/**
 * getdents64(2) over a fixed 64 KiB native buffer, on a descriptor of its own (so its position is
 * independent of any other reader of the same directory). Its reads run in a {@link CredentialScope}
 * of the identity of the handle or view that opened it.
 */
final class PosixDirectoryReader implements DirectoryReader {

    static final int BUFFER_SIZE = 64 * 1024;

    // struct linux_dirent64 { u64 d_ino; s64 d_off; u16 d_reclen; u8 d_type; char d_name[]; }
    private static final long D_INO = 0;
    private static final long D_RECLEN = 16;
    private static final long D_TYPE = 18;
    private static final long D_NAME = 19;

    private final FdGuard guard;
    private final ThreadCredentials creds;
    private final ReentrantLock lock = new ReentrantLock();
    private final Arena arena = Arena.ofShared();
    private final MemorySegment buf = arena.allocate(BUFFER_SIZE, 8);
    private int pos;
    private int end;
    private boolean closed;

    private PosixDirectoryReader(int fd, ThreadCredentials creds) {
        this.guard = new FdGuard(fd);
        this.creds = creds;
    }

    /**
     * A reader on a fresh descriptor for the directory {@code dirfd} (which may be O_PATH), opened
     * and later read as {@code creds}; the caller is inside a scope of {@code creds}.
     */
    static PosixDirectoryReader open(int dirfd, ThreadCredentials creds) {
        try (Sys sys = new Sys()) {
            int fd = sys.openat(dirfd, ".", LibC.O_RDONLY | LibC.O_DIRECTORY | LibC.O_CLOEXEC, 0);
            if (fd < 0) {
                int e = sys.errno();
                throw Errno.exception(e, e == Errno.ENOTDIR ? NtStatus.NOT_A_DIRECTORY : Errno.toStatus(e),
                        "opendir", null);
            }
            return new PosixDirectoryReader(fd, creds);
        }
    }

    @Override
    public DirEntry next() {
        lock.lock();
        try {
            checkOpen();
            while (true) {
                if (pos >= end && !fill()) {
                    return null;
                }
                int reclen = Short.toUnsignedInt(buf.get(JAVA_SHORT, pos + D_RECLEN));
                long ino = buf.get(JAVA_LONG, pos + D_INO);
                int type = Byte.toUnsignedInt(buf.get(JAVA_BYTE, pos + D_TYPE));
                String name = buf.getString(pos + D_NAME);
                pos += reclen;
                if (!name.equals(".") && !name.equals("..")) {
                    return new DirEntry(name, ino, type);
                }
            }
        } finally {
            lock.unlock();
        }
    }

    private boolean fill() {
        int fd = guard.acquire();
        try (CredentialScope scope = CredentialScope.enter(creds); Sys sys = new Sys()) {
            long n;
            do {
                n = sys.getdents64(fd, buf, BUFFER_SIZE);
            } while (n < 0 && sys.errno() == Errno.EINTR);
            if (n < 0) {
                throw sys.fail("getdents64", null);
            }
            pos = 0;
            end = (int) n;
            return n > 0;
        } finally {
            guard.release();
        }
    }

    @Override
    public void rewind() {
        lock.lock();
        try {
            checkOpen();
            int fd = guard.acquire();
            try (CredentialScope scope = CredentialScope.enter(creds); Sys sys = new Sys()) {
                if (sys.lseek(fd, 0, LibC.SEEK_SET) < 0) {
                    throw sys.fail("lseek", null);
                }
                pos = 0;
                end = 0;
            } finally {
                guard.release();
            }
        } finally {
            lock.unlock();
        }
    }

    @Override
    public FileStat statEntry(String name) {
        Names.checkLocalName(name);
        int fd = guard.acquire();
        try (CredentialScope scope = CredentialScope.enter(creds)) {
            return PosixFileHandle.statAt(fd, name);
        } finally {
            guard.release();
        }
    }

    private void checkOpen() {
        if (closed) {
            throw new org.bossa.vfs.VfsException(Errno.EBADF, NtStatus.FILE_CLOSED, "directory reader closed");
        }
    }

    @Override
    public void close() {
        lock.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            guard.close();
            arena.close();
        } finally {
            lock.unlock();
        }
    }
}
