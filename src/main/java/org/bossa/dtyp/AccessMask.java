package org.bossa.dtyp;

/**
 * ACCESS_MASK bits, [MS-DTYP] 2.4.3, with the file and directory specific rights of [MS-SMB2] 2.2.13.1 and the
 * generic mapping for files ([MS-FSA] 2.1.5.1.2.1, the FILE_GENERIC_* values of Windows).
 */
public final class AccessMask {
    // File specific rights ([MS-SMB2] 2.2.13.1.1)
    public static final int FILE_READ_DATA = 0x00000001;
    public static final int FILE_WRITE_DATA = 0x00000002;
    public static final int FILE_APPEND_DATA = 0x00000004;
    public static final int FILE_READ_EA = 0x00000008;
    public static final int FILE_WRITE_EA = 0x00000010;
    public static final int FILE_EXECUTE = 0x00000020;
    public static final int FILE_DELETE_CHILD = 0x00000040;
    public static final int FILE_READ_ATTRIBUTES = 0x00000080;
    public static final int FILE_WRITE_ATTRIBUTES = 0x00000100;
    // Directory aliases ([MS-SMB2] 2.2.13.1.2)
    public static final int FILE_LIST_DIRECTORY = FILE_READ_DATA;
    public static final int FILE_ADD_FILE = FILE_WRITE_DATA;
    public static final int FILE_ADD_SUBDIRECTORY = FILE_APPEND_DATA;
    public static final int FILE_TRAVERSE = FILE_EXECUTE;
    // Standard rights
    public static final int DELETE = 0x00010000;
    public static final int READ_CONTROL = 0x00020000;
    public static final int WRITE_DAC = 0x00040000;
    public static final int WRITE_OWNER = 0x00080000;
    public static final int SYNCHRONIZE = 0x00100000;
    public static final int STANDARD_RIGHTS_REQUIRED = DELETE | READ_CONTROL | WRITE_DAC | WRITE_OWNER;
    public static final int STANDARD_RIGHTS_ALL = STANDARD_RIGHTS_REQUIRED | SYNCHRONIZE;
    public static final int ACCESS_SYSTEM_SECURITY = 0x01000000;
    public static final int MAXIMUM_ALLOWED = 0x02000000;
    // Generic rights
    public static final int GENERIC_ALL = 0x10000000;
    public static final int GENERIC_EXECUTE = 0x20000000;
    public static final int GENERIC_WRITE = 0x40000000;
    public static final int GENERIC_READ = 0x80000000;
    public static final int GENERIC_MASK = GENERIC_ALL | GENERIC_EXECUTE | GENERIC_WRITE | GENERIC_READ;

    /** The nine file specific rights. */
    public static final int SPECIFIC_RIGHTS_ALL = 0x000001FF;
    public static final int FILE_ALL_ACCESS = STANDARD_RIGHTS_REQUIRED | SYNCHRONIZE | SPECIFIC_RIGHTS_ALL; // 0x1F01FF
    public static final int FILE_GENERIC_READ = READ_CONTROL | FILE_READ_DATA | FILE_READ_ATTRIBUTES | FILE_READ_EA
            | SYNCHRONIZE; // 0x120089
    public static final int FILE_GENERIC_WRITE = READ_CONTROL | FILE_WRITE_DATA | FILE_WRITE_ATTRIBUTES
            | FILE_WRITE_EA | FILE_APPEND_DATA | SYNCHRONIZE; // 0x120116
    public static final int FILE_GENERIC_EXECUTE = READ_CONTROL | FILE_READ_ATTRIBUTES | FILE_EXECUTE
            | SYNCHRONIZE; // 0x1200A0

    /** Every bit a DesiredAccess may carry ([MS-SMB2] 3.3.5.9: others are STATUS_ACCESS_DENIED). */
    public static final int VALID_DESIRED_ACCESS = FILE_ALL_ACCESS | ACCESS_SYSTEM_SECURITY | MAXIMUM_ALLOWED
            | GENERIC_MASK;

    private AccessMask() {
    }

    /** Replaces the generic bits by the file rights they stand for (the file generic mapping). */
    public static int mapGenericForFile(int mask) {
        int m = mask & ~GENERIC_MASK;
        if ((mask & GENERIC_READ) != 0) {
            m |= FILE_GENERIC_READ;
        }
        if ((mask & GENERIC_WRITE) != 0) {
            m |= FILE_GENERIC_WRITE;
        }
        if ((mask & GENERIC_EXECUTE) != 0) {
            m |= FILE_GENERIC_EXECUTE;
        }
        if ((mask & GENERIC_ALL) != 0) {
            m |= FILE_ALL_ACCESS;
        }
        return m;
    }

    public static boolean hasAll(int mask, int bits) {
        return (mask & bits) == bits;
    }

    public static boolean hasAny(int mask, int bits) {
        return (mask & bits) != 0;
    }
}
