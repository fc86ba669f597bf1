package org.bossa.vfs;

/**
 * A streaming directory listing over a fixed-size buffer: memory use does not depend on the size
 * of the directory. "." and ".." are never returned (SMB servers synthesise them).
 *
 * <p>One reader has its own file position; its methods may be called from different threads, one
 * at a time or concurrently (calls are serialised).
 */
public interface DirectoryReader extends AutoCloseable {

    /** The next entry, or null at the end of the directory. */
    DirEntry next();

    /** Starts again from the first entry (SMB2_RESTART_SCANS / SMB2_REOPEN). */
    void rewind();

    /** Attributes of an entry of this directory, without following a symlink (statx AT_SYMLINK_NOFOLLOW). */
    FileStat statEntry(String name);

    @Override
    void close();
}
