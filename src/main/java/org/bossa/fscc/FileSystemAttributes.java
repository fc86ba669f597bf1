package org.bossa.fscc;

/** FileSystemAttributes flags of FILE_FS_ATTRIBUTE_INFORMATION, [MS-FSCC] 2.5.1, and device constants of 2.5.10. */
public final class FileSystemAttributes {
    public static final int FILE_CASE_SENSITIVE_SEARCH = 0x00000001;
    public static final int FILE_CASE_PRESERVED_NAMES = 0x00000002;
    public static final int FILE_UNICODE_ON_DISK = 0x00000004;
    public static final int FILE_PERSISTENT_ACLS = 0x00000008;
    public static final int FILE_FILE_COMPRESSION = 0x00000010;
    public static final int FILE_VOLUME_QUOTAS = 0x00000020;
    public static final int FILE_SUPPORTS_SPARSE_FILES = 0x00000040;
    public static final int FILE_SUPPORTS_REPARSE_POINTS = 0x00000080;
    public static final int FILE_SUPPORTS_REMOTE_STORAGE = 0x00000100;
    public static final int FILE_RETURNS_CLEANUP_RESULT_INFO = 0x00000200;
    public static final int FILE_SUPPORTS_POSIX_UNLINK_RENAME = 0x00000400;
    public static final int FILE_VOLUME_IS_COMPRESSED = 0x00008000;
    public static final int FILE_SUPPORTS_OBJECT_IDS = 0x00010000;
    public static final int FILE_SUPPORTS_ENCRYPTION = 0x00020000;
    public static final int FILE_NAMED_STREAMS = 0x00040000;
    public static final int FILE_READ_ONLY_VOLUME = 0x00080000;
    public static final int FILE_SEQUENTIAL_WRITE_ONCE = 0x00100000;
    public static final int FILE_SUPPORTS_TRANSACTIONS = 0x00200000;
    public static final int FILE_SUPPORTS_HARD_LINKS = 0x00400000;
    public static final int FILE_SUPPORTS_EXTENDED_ATTRIBUTES = 0x00800000;
    public static final int FILE_SUPPORTS_OPEN_BY_FILE_ID = 0x01000000;
    public static final int FILE_SUPPORTS_USN_JOURNAL = 0x02000000;
    public static final int FILE_SUPPORT_INTEGRITY_STREAMS = 0x04000000;
    public static final int FILE_SUPPORTS_BLOCK_REFCOUNTING = 0x08000000;
    public static final int FILE_SUPPORTS_SPARSE_VDL = 0x10000000;

    /**
     * What Bossa reports for a POSIX file system. Samba's smbd_do_qfsinfo reports CASE_PRESERVED_NAMES,
     * CASE_SENSITIVE_SEARCH, SUPPORTS_OBJECT_IDS, UNICODE_ON_DISK, PERSISTENT_ACLS (nt acl support) plus what
     * the VFS adds (sparse files, quotas, named streams with a streams module). Bossa reports only what it
     * implements: no object ids, quotas or named streams yet.
     */
    public static final int BOSSA_DEFAULT = FILE_CASE_SENSITIVE_SEARCH | FILE_CASE_PRESERVED_NAMES
            | FILE_UNICODE_ON_DISK | FILE_PERSISTENT_ACLS | FILE_SUPPORTS_SPARSE_FILES;

    /** FILE_DEVICE_DISK, DeviceType of FILE_FS_DEVICE_INFORMATION ([MS-FSCC] 2.5.10). */
    public static final int FILE_DEVICE_DISK = 0x00000007;
    /** FILE_DEVICE_CD_ROM. */
    public static final int FILE_DEVICE_CD_ROM = 0x00000002;

    /** Characteristics of FILE_FS_DEVICE_INFORMATION ([MS-FSCC] 2.5.10). */
    public static final int FILE_REMOVABLE_MEDIA = 0x00000001;
    public static final int FILE_READ_ONLY_DEVICE = 0x00000002;
    public static final int FILE_FLOPPY_DISKETTE = 0x00000004;
    public static final int FILE_WRITE_ONCE_MEDIA = 0x00000008;
    public static final int FILE_REMOTE_DEVICE = 0x00000010;
    public static final int FILE_DEVICE_IS_MOUNTED = 0x00000020;
    public static final int FILE_VIRTUAL_VOLUME = 0x00000040;
    public static final int FILE_DEVICE_SECURE_OPEN = 0x00000100;
    public static final int FILE_CHARACTERISTIC_TS_DEVICE = 0x00001000;
    public static final int FILE_CHARACTERISTIC_WEBDAV_DEVICE = 0x00002000;
    public static final int FILE_DEVICE_ALLOW_APPCONTAINER_TRAVERSAL = 0x00020000;
    public static final int FILE_PORTABLE_DEVICE = 0x00040000;

    /** Flags of FILE_FS_SECTOR_SIZE_INFORMATION ([MS-FSCC] 2.5.7). */
    public static final int SSINFO_FLAGS_ALIGNED_DEVICE = 0x00000001;
    public static final int SSINFO_FLAGS_PARTITION_ALIGNED_ON_DEVICE = 0x00000002;
    public static final int SSINFO_FLAGS_NO_SEEK_PENALTY = 0x00000004;
    public static final int SSINFO_FLAGS_TRIM_ENABLED = 0x00000008;

    private FileSystemAttributes() {
    }
}
