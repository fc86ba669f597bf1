package org.bossa.locking;

/** The access and share bits share-mode checks look at (MS-FSA 2.1.5.1.2, MS-SMB2 2.2.13). */
final class AccessBits {
    static final int FILE_READ_DATA = 0x0001;
    static final int FILE_WRITE_DATA = 0x0002;
    static final int FILE_APPEND_DATA = 0x0004;
    static final int FILE_EXECUTE = 0x0020;
    static final int DELETE = 0x00010000;

    static final int SHARE_READ = 0x1;
    static final int SHARE_WRITE = 0x2;
    static final int SHARE_DELETE = 0x4;

    /** Opens with none of these bits are "attribute-only" and never conflict. */
    static final int DATA_ACCESS = FILE_READ_DATA | FILE_WRITE_DATA | FILE_APPEND_DATA | FILE_EXECUTE | DELETE;

    private AccessBits() {
    }
}
