package org.bossa.vfs;

import java.time.Instant;

/**
 * File attributes from statx(2). Times are nanoseconds since the Unix epoch.
 *
 * @param size            st_size in bytes
 * @param allocationSize  bytes allocated on disk (st_blocks * 512)
 * @param birthTimeKnown  whether the filesystem reported a birth time; when it did not,
 *                        {@code btimeNanos} is the earliest of atime, mtime and ctime
 */
public record FileStat(
        long size,
        long allocationSize,
        long atimeNanos,
        long mtimeNanos,
        long ctimeNanos,
        long btimeNanos,
        boolean birthTimeKnown,
        long ino,
        long dev,
        int nlink,
        int mode,
        int uid,
        int gid) {

    public static final int S_IFMT = 0170000;
    public static final int S_IFDIR = 0040000;
    public static final int S_IFREG = 0100000;
    public static final int S_IFLNK = 0120000;

    public boolean isDirectory() {
        return (mode & S_IFMT) == S_IFDIR;
    }

    public boolean isRegular() {
        return (mode & S_IFMT) == S_IFREG;
    }

    public boolean isSymlink() {
        return (mode & S_IFMT) == S_IFLNK;
    }

    /** Permission bits (07777). */
    public int permissions() {
        return mode & 07777;
    }

    public Instant atime() {
        return toInstant(atimeNanos);
    }

    public Instant mtime() {
        return toInstant(mtimeNanos);
    }

    public Instant ctime() {
        return toInstant(ctimeNanos);
    }

    public Instant btime() {
        return toInstant(btimeNanos);
    }

    public static Instant toInstant(long nanos) {
        return Instant.ofEpochSecond(Math.floorDiv(nanos, 1_000_000_000L), Math.floorMod(nanos, 1_000_000_000L));
    }

    /** Nanoseconds since the epoch, saturating at the range of a long (about the years 1677 to 2262). */
    public static long toNanos(long seconds, long nanos) {
        try {
            return Math.addExact(Math.multiplyExact(seconds, 1_000_000_000L), nanos);
        } catch (ArithmeticException overflow) {
            return seconds < 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
    }
}
