package org.bossa.locking;

/** Identifies one file on disk, whatever name it was opened by: device and inode. */
public record FileKey(long dev, long ino) {
}
