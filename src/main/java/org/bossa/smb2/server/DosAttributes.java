package org.bossa.smb2.server;

import org.bossa.fscc.FileAttributes;
import org.bossa.vfs.FileHandle;
import org.bossa.vfs.FileStat;
import org.bossa.vfs.VfsException;

/**
 * DOS attributes and the creation time kept in one extended attribute, because POSIX has no place
 * for READONLY/HIDDEN/SYSTEM/ARCHIVE and not every filesystem reports a birth time.
 * Format of {@code user.bossa.dos}: version (1 byte, 1), attributes (4 LE), creation FILETIME (8 LE).
 */
final class DosAttributes {
    static final String XATTR = "user.bossa.dos";
    /** Bits a client may set (MS-FSCC 2.6); DIRECTORY and NORMAL are derived. */
    static final int SETTABLE = FileAttributes.FILE_ATTRIBUTE_READONLY | FileAttributes.FILE_ATTRIBUTE_HIDDEN
            | FileAttributes.FILE_ATTRIBUTE_SYSTEM | FileAttributes.FILE_ATTRIBUTE_ARCHIVE
            | FileAttributes.FILE_ATTRIBUTE_TEMPORARY | FileAttributes.FILE_ATTRIBUTE_NOT_CONTENT_INDEXED
            | FileAttributes.FILE_ATTRIBUTE_OFFLINE;

    /** Stored attributes and creation time; {@code stored} false when the file has none yet. */
    record Stored(boolean stored, int attributes, long creationTime) {
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
        if (b == null || b.length != 13 || b[0] != 1) {
            return new Stored(false, 0, 0);
        }
        int attrs = (b[1] & 0xFF) | (b[2] & 0xFF) << 8 | (b[3] & 0xFF) << 16 | (b[4] & 0xFF) << 24;
        long t = 0;
        for (int i = 12; i >= 5; i--) {
            t = (t << 8) | (b[i] & 0xFF);
        }
        return new Stored(true, attrs & SETTABLE, t);
    }

    static void write(FileHandle h, int attributes, long creationTime) {
        byte[] b = new byte[13];
        b[0] = 1;
        int a = attributes & SETTABLE;
        for (int i = 0; i < 4; i++) {
            b[1 + i] = (byte) (a >>> (8 * i));
        }
        for (int i = 0; i < 8; i++) {
            b[5 + i] = (byte) (creationTime >>> (8 * i));
        }
        h.setXattr(XATTR, b);
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
}
