package org.bossa.fscc;

/**
 * FSCTL and IOCTL codes carried in the CtlCode of SMB2 IOCTL ([MS-FSCC] 2.3, [MS-SMB2] 2.2.31).
 * A code packs DeviceType (bits 16..31), Access (14..15), Function (2..13) and Method (0..1).
 */
public final class FsctlCodes {
    // [MS-SMB2] 2.2.31 server-side codes
    public static final int FSCTL_DFS_GET_REFERRALS = 0x00060194;
    public static final int FSCTL_DFS_GET_REFERRALS_EX = 0x000601B0;
    public static final int FSCTL_PIPE_PEEK = 0x0011400C;
    public static final int FSCTL_PIPE_WAIT = 0x00110018;
    public static final int FSCTL_PIPE_TRANSCEIVE = 0x0011C017;
    public static final int FSCTL_SRV_COPYCHUNK = 0x001440F2;
    public static final int FSCTL_SRV_ENUMERATE_SNAPSHOTS = 0x00144064;
    public static final int FSCTL_SRV_REQUEST_RESUME_KEY = 0x00140078;
    public static final int FSCTL_SRV_READ_HASH = 0x001441BB;
    public static final int FSCTL_SRV_COPYCHUNK_WRITE = 0x001480F2;
    public static final int FSCTL_LMR_REQUEST_RESILIENCY = 0x001401D4;
    public static final int FSCTL_QUERY_NETWORK_INTERFACE_INFO = 0x001401FC;
    public static final int FSCTL_VALIDATE_NEGOTIATE_INFO = 0x00140204;

    // [MS-FSCC] 2.3 file system codes
    public static final int FSCTL_IS_PATHNAME_VALID = 0x0009002C;
    public static final int FSCTL_GET_COMPRESSION = 0x0009003C;
    public static final int FSCTL_SET_COMPRESSION = 0x0009C040;
    public static final int FSCTL_GET_NTFS_VOLUME_DATA = 0x00090064;
    public static final int FSCTL_GET_RETRIEVAL_POINTERS = 0x00090073;
    public static final int FSCTL_FIND_FILES_BY_SID = 0x0009008F;
    public static final int FSCTL_SET_OBJECT_ID = 0x00090098;
    public static final int FSCTL_GET_OBJECT_ID = 0x0009009C;
    public static final int FSCTL_DELETE_OBJECT_ID = 0x000900A0;
    public static final int FSCTL_SET_REPARSE_POINT = 0x000900A4;
    public static final int FSCTL_GET_REPARSE_POINT = 0x000900A8;
    public static final int FSCTL_DELETE_REPARSE_POINT = 0x000900AC;
    public static final int FSCTL_SET_OBJECT_ID_EXTENDED = 0x000900BC;
    public static final int FSCTL_CREATE_OR_GET_OBJECT_ID = 0x000900C0;
    public static final int FSCTL_SET_SPARSE = 0x000900C4;
    public static final int FSCTL_SET_ZERO_DATA = 0x000980C8;
    public static final int FSCTL_QUERY_ALLOCATED_RANGES = 0x000940CF;
    public static final int FSCTL_READ_FILE_USN_DATA = 0x000900EB;
    public static final int FSCTL_WRITE_USN_CLOSE_RECORD = 0x000900EF;
    public static final int FSCTL_SIS_COPYFILE = 0x00090100;
    public static final int FSCTL_RECALL_FILE = 0x00090117;
    public static final int FSCTL_QUERY_SPARING_INFO = 0x00090138;
    public static final int FSCTL_QUERY_ON_DISK_VOLUME_INFO = 0x0009013C;
    public static final int FSCTL_SET_ZERO_ON_DEALLOCATION = 0x00090194;
    public static final int FSCTL_SET_SHORT_NAME_BEHAVIOR = 0x000901B4;
    public static final int FSCTL_GET_INTEGRITY_INFORMATION = 0x0009027C;
    public static final int FSCTL_SET_INTEGRITY_INFORMATION = 0x0009C280;
    public static final int FSCTL_QUERY_FILE_REGIONS = 0x00090284;
    public static final int FSCTL_OFFLOAD_READ = 0x00094264;
    public static final int FSCTL_OFFLOAD_WRITE = 0x00098268;
    public static final int FSCTL_FILE_LEVEL_TRIM = 0x00098208;
    public static final int FSCTL_DUPLICATE_EXTENTS_TO_FILE = 0x00098344;
    public static final int FSCTL_DUPLICATE_EXTENTS_TO_FILE_EX = 0x000983E8;
    public static final int FSCTL_MARK_HANDLE = 0x000900FC;
    public static final int FSCTL_GET_REFS_VOLUME_DATA = 0x000902D8;

    private FsctlCodes() {
    }

    /** The DeviceType field (bits 16..31): 0x0009 FILE_DEVICE_FILE_SYSTEM, 0x0014 network file system, ... */
    public static int deviceType(int ctlCode) {
        return ctlCode >>> 16;
    }

    /** The Function field (bits 2..13). */
    public static int function(int ctlCode) {
        return (ctlCode >>> 2) & 0xFFF;
    }

    /** The Method field (bits 0..1): 0 buffered, 1 in-direct, 2 out-direct, 3 neither. */
    public static int method(int ctlCode) {
        return ctlCode & 3;
    }

    /** The name of a known code, or its hex value, for logs. */
    public static String name(int ctlCode) {
        for (var f : FsctlCodes.class.getFields()) {
            try {
                if (f.getType() == int.class && f.getInt(null) == ctlCode) {
                    return f.getName();
                }
            } catch (IllegalAccessException e) {
                break;
            }
        }
        return String.format("0x%08X", ctlCode);
    }
}
