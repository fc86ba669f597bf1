package org.bossa.fscc;

/**
 * File attribute flags, [MS-FSCC] 2.6, and the rules [MS-FSA] 2.1.5.15.1 gives for setting them through
 * FileBasicInformation.
 */
public final class FileAttributes {
    public static final int FILE_ATTRIBUTE_READONLY = 0x00000001;
    public static final int FILE_ATTRIBUTE_HIDDEN = 0x00000002;
    public static final int FILE_ATTRIBUTE_SYSTEM = 0x00000004;
    public static final int FILE_ATTRIBUTE_DIRECTORY = 0x00000010;
    public static final int FILE_ATTRIBUTE_ARCHIVE = 0x00000020;
    /** Valid only alone: a file with no other attribute. */
    public static final int FILE_ATTRIBUTE_NORMAL = 0x00000080;
    public static final int FILE_ATTRIBUTE_TEMPORARY = 0x00000100;
    public static final int FILE_ATTRIBUTE_SPARSE_FILE = 0x00000200;
    public static final int FILE_ATTRIBUTE_REPARSE_POINT = 0x00000400;
    public static final int FILE_ATTRIBUTE_COMPRESSED = 0x00000800;
    public static final int FILE_ATTRIBUTE_OFFLINE = 0x00001000;
    public static final int FILE_ATTRIBUTE_NOT_CONTENT_INDEXED = 0x00002000;
    public static final int FILE_ATTRIBUTE_ENCRYPTED = 0x00004000;
    public static final int FILE_ATTRIBUTE_INTEGRITY_STREAM = 0x00008000;
    public static final int FILE_ATTRIBUTE_NO_SCRUB_DATA = 0x00020000;
    public static final int FILE_ATTRIBUTE_RECALL_ON_OPEN = 0x00040000;
    public static final int FILE_ATTRIBUTE_PINNED = 0x00080000;
    public static final int FILE_ATTRIBUTE_UNPINNED = 0x00100000;
    public static final int FILE_ATTRIBUTE_RECALL_ON_DATA_ACCESS = 0x00400000;

    /** Every bit [MS-FSCC] 2.6 defines. */
    public static final int ALL_DEFINED = FILE_ATTRIBUTE_READONLY | FILE_ATTRIBUTE_HIDDEN | FILE_ATTRIBUTE_SYSTEM
            | FILE_ATTRIBUTE_DIRECTORY | FILE_ATTRIBUTE_ARCHIVE | FILE_ATTRIBUTE_NORMAL | FILE_ATTRIBUTE_TEMPORARY
            | FILE_ATTRIBUTE_SPARSE_FILE | FILE_ATTRIBUTE_REPARSE_POINT | FILE_ATTRIBUTE_COMPRESSED
            | FILE_ATTRIBUTE_OFFLINE | FILE_ATTRIBUTE_NOT_CONTENT_INDEXED | FILE_ATTRIBUTE_ENCRYPTED
            | FILE_ATTRIBUTE_INTEGRITY_STREAM | FILE_ATTRIBUTE_NO_SCRUB_DATA | FILE_ATTRIBUTE_RECALL_ON_OPEN
            | FILE_ATTRIBUTE_PINNED | FILE_ATTRIBUTE_UNPINNED | FILE_ATTRIBUTE_RECALL_ON_DATA_ACCESS;

    /**
     * The bits a client may change with SET_INFO FileBasicInformation (or request in CREATE). The others
     * (DIRECTORY, SPARSE, REPARSE_POINT, COMPRESSED, ENCRYPTED, INTEGRITY_STREAM, ...) change only through their
     * own operations and are ignored when set here, as [MS-FSA] 2.1.5.15.1 does.
     */
    public static final int SETTABLE = FILE_ATTRIBUTE_READONLY | FILE_ATTRIBUTE_HIDDEN | FILE_ATTRIBUTE_SYSTEM
            | FILE_ATTRIBUTE_ARCHIVE | FILE_ATTRIBUTE_TEMPORARY | FILE_ATTRIBUTE_OFFLINE
            | FILE_ATTRIBUTE_NOT_CONTENT_INDEXED;

    private FileAttributes() {
    }

    /**
     * Validates the FileAttributes of a SET_INFO FileBasicInformation and returns the bits to store.
     * 0 means "leave unchanged" (the caller checks for 0 first). Per [MS-FSA] 2.1.5.15.1: DIRECTORY on a
     * non-directory and TEMPORARY on a directory are STATUS_INVALID_PARAMETER; undefined bits too.
     *
     * @return the settable bits of {@code attributes} (NORMAL and the non-settable bits removed)
     */
    public static int validateForSet(int attributes, boolean isDirectory) {
        if ((attributes & ~ALL_DEFINED) != 0) {
            throw new FsccFormatException(FsccStatus.INVALID_PARAMETER,
                    "undefined file attribute bits 0x" + Integer.toHexString(attributes & ~ALL_DEFINED));
        }
        if (!isDirectory && (attributes & FILE_ATTRIBUTE_DIRECTORY) != 0) {
            throw new FsccFormatException(FsccStatus.INVALID_PARAMETER, "DIRECTORY attribute on a file");
        }
        if (isDirectory && (attributes & FILE_ATTRIBUTE_TEMPORARY) != 0) {
            throw new FsccFormatException(FsccStatus.INVALID_PARAMETER, "TEMPORARY attribute on a directory");
        }
        return attributes & SETTABLE;
    }

    /**
     * The attributes to report in a query: DIRECTORY added for directories, and NORMAL when no other bit is
     * set ([MS-FSCC] 2.6: NORMAL is valid only when used alone).
     */
    public static int forQuery(int attributes, boolean isDirectory) {
        int a = attributes & ~FILE_ATTRIBUTE_NORMAL;
        if (isDirectory) {
            a |= FILE_ATTRIBUTE_DIRECTORY;
        }
        return a == 0 ? FILE_ATTRIBUTE_NORMAL : a;
    }

    public static boolean has(int attributes, int flag) {
        return (attributes & flag) == flag;
    }
}
