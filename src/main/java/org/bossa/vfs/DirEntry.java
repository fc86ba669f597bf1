package org.bossa.vfs;

/**
 * One directory entry as getdents64(2) returns it.
 *
 * @param name the on-disk name (decoded as UTF-8)
 * @param ino  the inode number
 * @param type d_type: {@link #DT_UNKNOWN}, {@link #DT_DIR}, {@link #DT_REG}, {@link #DT_LNK}, ...
 */
public record DirEntry(String name, long ino, int type) {

    public static final int DT_UNKNOWN = 0;
    public static final int DT_FIFO = 1;
    public static final int DT_CHR = 2;
    public static final int DT_DIR = 4;
    public static final int DT_BLK = 6;
    public static final int DT_REG = 8;
    public static final int DT_LNK = 10;
    public static final int DT_SOCK = 12;

    public boolean isDirectory() {
        return type == DT_DIR;
    }

    public boolean isRegular() {
        return type == DT_REG;
    }

    public boolean isSymlink() {
        return type == DT_LNK;
    }

    /** The filesystem did not say; stat the entry to find out. */
    public boolean typeUnknown() {
        return type == DT_UNKNOWN;
    }
}
