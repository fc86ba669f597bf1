package org.bossa.vfs.posix;

import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import org.bossa.smb2.wire.NtStatus;
import org.bossa.vfs.VfsException;

/**
 * Positional data I/O on a descriptor through pread64/pwrite64. Direct buffers are passed to the
 * kernel as they are; heap buffers and arrays go through a native bounce buffer of at most
 * {@link #BOUNCE_MAX} bytes per call (FFM cannot hand heap memory to a blocking call).
 */
final class PosixIo {

    private PosixIo() {}

    /** Largest bounce buffer for heap I/O; larger requests loop. */
    static final int BOUNCE_MAX = 1 << 20;

    /** pread into {@code dst} until it is full or end of file; advances its position. */
    static int read(int fd, long offset, ByteBuffer dst) {
        checkOffset(offset);
        int len = dst.remaining();
        if (len == 0) {
            return 0;
        }
        try (Sys sys = new Sys()) {
            int n;
            if (dst.isDirect()) {
                n = preadFully(sys, fd, MemorySegment.ofBuffer(dst), offset);
            } else {
                MemorySegment bounce = sys.alloc(Math.min(len, BOUNCE_MAX));
                n = 0;
                while (n < len) {
                    int chunk = (int) Math.min(len - n, bounce.byteSize());
                    int got = preadFully(sys, fd, bounce.asSlice(0, chunk), offset + n);
                    MemorySegment.ofBuffer(dst).asSlice(n, got).copyFrom(bounce.asSlice(0, got));
                    n += got;
                    if (got < chunk) {
                        break;
                    }
                }
            }
            dst.position(dst.position() + n);
            return n;
        }
    }

    /** pread until {@code seg} is full or end of file. */
    private static int preadFully(Sys sys, int fd, MemorySegment seg, long offset) {
        long len = seg.byteSize();
        long done = 0;
        while (done < len) {
            long n = sys.pread(fd, seg.asSlice(done), len - done, offset + done);
            if (n < 0) {
                if (sys.errno() == Errno.EINTR) {
                    continue;
                }
                throw sys.fail("pread", null);
            }
            if (n == 0) {
                break;
            }
            done += n;
        }
        return (int) done;
    }

    /** pwrite all of {@code src}; advances its position. */
    static int write(int fd, long offset, ByteBuffer src) {
        checkOffset(offset);
        int len = src.remaining();
        if (len == 0) {
            return 0;
        }
        try (Sys sys = new Sys()) {
            if (src.isDirect() && !src.isReadOnly()) {
                pwriteFully(sys, fd, MemorySegment.ofBuffer(src), offset);
            } else {
                MemorySegment bounce = sys.alloc(Math.min(len, BOUNCE_MAX));
                MemorySegment from = MemorySegment.ofBuffer(src);
                for (long done = 0; done < len; ) {
                    long chunk = Math.min(len - done, bounce.byteSize());
                    MemorySegment part = bounce.asSlice(0, chunk);
                    part.copyFrom(from.asSlice(done, chunk));
                    pwriteFully(sys, fd, part, offset + done);
                    done += chunk;
                }
            }
            src.position(src.position() + len);
            return len;
        }
    }

    private static void pwriteFully(Sys sys, int fd, MemorySegment seg, long offset) {
        long len = seg.byteSize();
        long done = 0;
        while (done < len) {
            long n = sys.pwrite(fd, seg.asSlice(done), len - done, offset + done);
            if (n < 0) {
                if (sys.errno() == Errno.EINTR) {
                    continue;
                }
                throw sys.fail("pwrite", null);
            }
            if (n == 0) {
                throw new VfsException(Errno.ENOSPC, NtStatus.DISK_FULL, "pwrite wrote nothing");
            }
            done += n;
        }
    }

    static void checkOffset(long offset) {
        if (offset < 0) {
            throw new VfsException(Errno.EINVAL, NtStatus.INVALID_PARAMETER, "negative offset");
        }
    }
}
