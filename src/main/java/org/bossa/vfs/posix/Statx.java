package org.bossa.vfs.posix;

import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static java.lang.foreign.ValueLayout.JAVA_SHORT;

import java.lang.foreign.MemorySegment;
import org.bossa.vfs.FileStat;
import org.bossa.vfs.FsStat;

/** struct statx and struct statfs (64-bit Linux) and their decoding. */
final class Statx {

    private Statx() {}

    static final long SIZE = 256;

    static final int STATX_TYPE = 0x1;
    static final int STATX_BASIC_STATS = 0x7ff;
    static final int STATX_BTIME = 0x800;
    static final int STATX_ALL = STATX_BASIC_STATS | STATX_BTIME;

    // struct statx offsets
    private static final long MASK = 0;
    private static final long NLINK = 16;
    private static final long UID = 20;
    private static final long GID = 24;
    private static final long MODE = 28;
    private static final long INO = 32;
    private static final long SIZE_ = 40;
    private static final long BLOCKS = 48;
    private static final long ATIME = 64;
    private static final long BTIME = 80;
    private static final long CTIME = 96;
    private static final long MTIME = 112;
    private static final long DEV_MAJOR = 136;
    private static final long DEV_MINOR = 140;

    static int mode(MemorySegment b) {
        return Short.toUnsignedInt(b.get(JAVA_SHORT, MODE));
    }

    static FileStat decode(MemorySegment b) {
        int mask = b.get(JAVA_INT, MASK);
        long atime = time(b, ATIME);
        long mtime = time(b, MTIME);
        long ctime = time(b, CTIME);
        boolean hasBtime = (mask & STATX_BTIME) != 0;
        long btime = hasBtime ? time(b, BTIME) : Math.min(atime, Math.min(mtime, ctime));
        long blocks = b.get(JAVA_LONG, BLOCKS);
        long allocation = blocks > Long.MAX_VALUE / 512 ? Long.MAX_VALUE : blocks * 512;
        return new FileStat(
                b.get(JAVA_LONG, SIZE_),
                allocation,
                atime, mtime, ctime, btime, hasBtime,
                b.get(JAVA_LONG, INO),
                makedev(b.get(JAVA_INT, DEV_MAJOR), b.get(JAVA_INT, DEV_MINOR)),
                b.get(JAVA_INT, NLINK),
                mode(b),
                b.get(JAVA_INT, UID),
                b.get(JAVA_INT, GID));
    }

    /** struct statx_timestamp { s64 tv_sec; u32 tv_nsec; s32 reserved; } */
    private static long time(MemorySegment b, long off) {
        return FileStat.toNanos(b.get(JAVA_LONG, off), Integer.toUnsignedLong(b.get(JAVA_INT, off + 8)));
    }

    /** glibc's makedev(): the dev_t that stat(2) would report. */
    static long makedev(int major, int minor) {
        long ma = Integer.toUnsignedLong(major);
        long mi = Integer.toUnsignedLong(minor);
        return ((ma & 0xfffff000L) << 32) | ((ma & 0xfffL) << 8) | ((mi & 0xffffff00L) << 12) | (mi & 0xffL);
    }

    static final long STATFS_SIZE = 120;

    /** struct statfs on 64-bit Linux: ten 8-byte words, f_fsid (2 x int) at 56. */
    static FsStat decodeStatfs(MemorySegment b) {
        return new FsStat(
                b.get(JAVA_LONG, 8),   // f_bsize
                b.get(JAVA_LONG, 72),  // f_frsize
                b.get(JAVA_LONG, 16),  // f_blocks
                b.get(JAVA_LONG, 24),  // f_bfree
                b.get(JAVA_LONG, 32),  // f_bavail
                b.get(JAVA_LONG, 40),  // f_files
                b.get(JAVA_LONG, 48),  // f_ffree
                (Integer.toUnsignedLong(b.get(JAVA_INT, 60)) << 32) | Integer.toUnsignedLong(b.get(JAVA_INT, 56)),
                b.get(JAVA_LONG, 64),  // f_namelen
                b.get(JAVA_LONG, 0),   // f_type
                b.get(JAVA_LONG, 80)); // f_flags
    }
}
