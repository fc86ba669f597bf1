package org.bossa.smb2.server;

import org.bossa.fscc.FileAttributes;
import org.bossa.vfs.FileHandle;
import org.bossa.vfs.FileStat;
import org.bossa.vfs.VfsException;

/**
 * DOS attributes, the creation time and a client-set change time, kept in one extended attribute,
 * because POSIX has no place for READONLY/HIDDEN/SYSTEM/ARCHIVE, not every filesystem reports a
 * birth time, and Linux cannot set ctime.
 * Format of {@code user.bossa.dos}: version (1 byte, 1), attributes (4 LE), creation FILETIME (8 LE),
 * then optionally change FILETIME (8 LE) and the modification time (epoch ns, 8 LE) it was set at.
 */
final class DosAttributes {
    static final String XATTR = "user.bossa.dos";
    private static final int BASE_LENGTH = 13;
    private static final int WITH_CHANGE_LENGTH = 29;
    /** Bits a client may set (MS-FSCC 2.6); DIRECTORY and NORMAL are derived. */
    static final int SETTABLE = FileAttributes.FILE_ATTRIBUTE_READONLY | FileAttributes.FILE_ATTRIBUTE_HIDDEN
            | FileAttributes.FILE_ATTRIBUTE_SYSTEM | FileAttributes.FILE_ATTRIBUTE_ARCHIVE
            | FileAttributes.FILE_ATTRIBUTE_TEMPORARY | FileAttributes.FILE_ATTRIBUTE_NOT_CONTENT_INDEXED
            | FileAttributes.FILE_ATTRIBUTE_OFFLINE;

    /**
     * Stored attributes and times; {@code stored} false when the file has none yet. A change time
     * of 0 means none was set; it holds only while the file's mtime is still {@code mtimeAtSet}.
     */
    record Stored(boolean stored, int attributes, long creationTime, long changeTime, long mtimeAtSet) {
        Stored(boolean stored, int attributes, long creationTime) {
            this(stored, attributes, creationTime, 0, 0);
        }
    }

    private DosAttributes() {
    }

    static Stored read(FileHandle h) {
        byte[] b;
        try {
            b = h.getXattr(XATTR);
        } catch (VfsException e) {
            b = null; // filesystem without user xattrs: derive everything
        }
        if (b == null || b.length != BASE_LENGTH && b.length != WITH_CHANGE_LENGTH || b[0] != 1) {
            return new Stored(false, 0, 0);
        }
        int attrs = (int) le(b, 1, 4);
        long creation = le(b, 5, 8);
        if (b.length == WITH_CHANGE_LENGTH) {
            return new Stored(true, attrs & SETTABLE, creation, le(b, 13, 8), le(b, 21, 8));
        }
        return new Stored(true, attrs & SETTABLE, creation);
    }

    static void write(FileHandle h, int attributes, long creationTime) {
        write(h, attributes, creationTime, 0, 0);
    }

    static void write(FileHandle h, int attributes, long creationTime, long changeTime, long mtimeAtSet) {
        byte[] b = new byte[changeTime != 0 ? WITH_CHANGE_LENGTH : BASE_LENGTH];
        b[0] = 1;
        put(b, 1, attributes & SETTABLE, 4);
        put(b, 5, creationTime, 8);
        if (changeTime != 0) {
            put(b, 13, changeTime, 8);
            put(b, 21, mtimeAtSet, 8);
        }
        h.setXattr(XATTR, b);
    }

    /** The change time clients see: the one they set, while the file is unmodified since; else mtime. */
    static long changeTime(Stored s, FileStat st, long mtimeFileTime) {
        return s.changeTime() != 0 && s.mtimeAtSet() == st.mtimeNanos() ? s.changeTime() : mtimeFileTime;
    }

    /** The attributes a client sees: stored bits, DIRECTORY, HIDDEN for dot files, NORMAL when nothing else. */
    static int effective(Stored s, FileStat st, String baseName) {
        int a = s.stored() ? s.attributes() : (st.isDirectory() ? 0 : FileAttributes.FILE_ATTRIBUTE_ARCHIVE);
        if (st.isDirectory()) {
            a |= FileAttributes.FILE_ATTRIBUTE_DIRECTORY;
            a &= ~FileAttributes.FILE_ATTRIBUTE_TEMPORARY;
        }
        if (baseName.startsWith(".") && !baseName.equals(".") && !baseName.equals("..")) {
            a |= FileAttributes.FILE_ATTRIBUTE_HIDDEN;
        }
        return a == 0 ? FileAttributes.FILE_ATTRIBUTE_NORMAL : a;
    }

    private static long le(byte[] b, int off, int n) {
        long v = 0;
        for (int i = n - 1; i >= 0; i--) {
            v = (v << 8) | (b[off + i] & 0xFF);
        }
        return v;
    }

    private static void put(byte[] b, int off, long v, int n) {
        for (int i = 0; i < n; i++) {
            b[off + i] = (byte) (v >>> (8 * i));
        }
    }
}
