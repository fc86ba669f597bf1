package org.bossa.vfs.posix;

import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import org.bossa.smb2.wire.NtStatus;
import org.bossa.vfs.VfsException;

/**
 * Positional data I/O on a descriptor through pread64/pwrite64. Direct buffers go to the kernel as
 * they are; heap buffers too, through critical downcalls that let the kernel copy straight into or
 * out of the Java array (no bounce buffer: an 8 MiB SMB READ or WRITE costs one kernel copy). A
 * critical call holds off garbage collection, so each is limited to {@link #CRITICAL_MAX} bytes.
 */
final class PosixIo {

    private PosixIo() {}

    /** Largest single critical (heap) transfer; larger requests loop. */
    static final int CRITICAL_MAX = 1 << 20;

    /** pread into {@code dst} until it is full or end of file; advances its position. */
    static int read(int fd, long offset, ByteBuffer dst) {
        checkOffset(offset);
        int len = dst.remaining();
        if (len == 0) {
            return 0;
        }
        try (Sys sys = new Sys()) {
            int n = transfer(sys, fd, MemorySegment.ofBuffer(dst), offset, !dst.isDirect(), false);
            dst.position(dst.position() + n);
            return n;
        }
    }

    /** pwrite all of {@code src}; advances its position. */
    static int write(int fd, long offset, ByteBuffer src) {
        checkOffset(offset);
        int len = src.remaining();
        if (len == 0) {
            return 0;
        }
        try (Sys sys = new Sys()) {
            transfer(sys, fd, MemorySegment.ofBuffer(src), offset, !src.isDirect(), true);
            src.position(src.position() + len);
            return len;
        }
    }

    /**
     * Moves all of {@code seg} (writes) or until end of file (reads), in pieces of at most
     * CRITICAL_MAX when {@code heap}; retries EINTR; returns bytes moved.
     */
    private static int transfer(Sys sys, int fd, MemorySegment seg, long offset, boolean heap, boolean write) {
        long len = seg.byteSize();
        long done = 0;
        while (done < len) {
            long want = heap ? Math.min(len - done, CRITICAL_MAX) : len - done;
            MemorySegment part = seg.asSlice(done, want);
            long n;
            if (write) {
                n = heap ? sys.pwriteHeap(fd, part, want, offset + done) : sys.pwrite(fd, part, want, offset + done);
            } else {
                n = heap ? sys.preadHeap(fd, part, want, offset + done) : sys.pread(fd, part, want, offset + done);
            }
            if (n < 0) {
                if (sys.errno() == Errno.EINTR) {
                    continue;
                }
                throw sys.fail(write ? "pwrite" : "pread", null);
            }
            if (n == 0) {
                if (write) {
                    throw new VfsException(Errno.ENOSPC, NtStatus.DISK_FULL, "pwrite wrote nothing");
                }
                break;
            }
            done += n;
        }
        return (int) done;
    }

    static void checkOffset(long offset) {
        if (offset < 0) {
            throw new VfsException(Errno.EINVAL, NtStatus.INVALID_PARAMETER, "negative offset");
        }
    }
}
