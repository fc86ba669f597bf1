package org.bossa.vfs.posix;

import java.util.concurrent.atomic.AtomicInteger;
import org.bossa.smb2.wire.NtStatus;
import org.bossa.vfs.VfsException;

/**
 * Owns one descriptor shared by many threads. Calls bracket their use with {@link #acquire} and
 * {@link #release}; {@link #close} marks the descriptor closed and the last user closes it, so a
 * descriptor number is never used after close(2) (where it might already name another file).
 */
final class FdGuard {

    private static final int CLOSED = 1 << 30;

    private final int fd;
    private final AtomicInteger state = new AtomicInteger();

    FdGuard(int fd) {
        this.fd = fd;
    }

    /** The descriptor, for one call; pair with {@link #release}. FILE_CLOSED after {@link #close}. */
    int acquire() {
        while (true) {
            int s = state.get();
            if ((s & CLOSED) != 0) {
                throw new VfsException(Errno.EBADF, NtStatus.FILE_CLOSED, "handle closed");
            }
            if (state.compareAndSet(s, s + 1)) {
                return fd;
            }
        }
    }

    void release() {
        if (state.decrementAndGet() == CLOSED) {
            Sys.close(fd);
        }
    }

    /** Closes now, or when the last call in progress releases. Idempotent. */
    void close() {
        while (true) {
            int s = state.get();
            if ((s & CLOSED) != 0) {
                return;
            }
            if (state.compareAndSet(s, s | CLOSED)) {
                if (s == 0) {
                    Sys.close(fd);
                }
                return;
            }
        }
    }

    boolean isClosed() {
        return (state.get() & CLOSED) != 0;
    }

    /** The raw number, for diagnostics only. */
    int rawFd() {
        return fd;
    }
}
