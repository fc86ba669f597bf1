package org.bossa.vfs;

/**
 * Filesystem statistics from fstatfs(2).
 *
 * @param blockSize       f_bsize, the preferred I/O block size
 * @param fragmentSize    f_frsize, the unit of the block counts
 * @param totalBlocks     f_blocks
 * @param freeBlocks      f_bfree (including blocks reserved for root)
 * @param availableBlocks f_bavail (available to unprivileged users)
 * @param totalFiles      f_files
 * @param freeFiles       f_ffree
 * @param fsId            f_fsid as one 64-bit value
 * @param maxNameLength   f_namelen, in bytes
 * @param fsType          f_type magic (e.g. 0xEF53 ext4, 0x01021994 tmpfs)
 * @param mountFlags      f_flags (ST_RDONLY = 1, ...)
 */
public record FsStat(
        long blockSize,
        long fragmentSize,
        long totalBlocks,
        long freeBlocks,
        long availableBlocks,
        long totalFiles,
        long freeFiles,
        long fsId,
        long maxNameLength,
        long fsType,
        long mountFlags) {

    public static final long ST_RDONLY = 1;

    public boolean readOnly() {
        return (mountFlags & ST_RDONLY) != 0;
    }
}
