package org.bossa.fscc;

/** FS_INFORMATION_CLASS values, [MS-FSCC] 2.5: the FileInfoClass of QUERY_INFO with InfoType SMB2_0_INFO_FILESYSTEM. */
public enum FsInformationClass {
    FileFsVolumeInformation(1),
    FileFsLabelInformation(2),
    FileFsSizeInformation(3),
    FileFsDeviceInformation(4),
    FileFsAttributeInformation(5),
    FileFsControlInformation(6),
    FileFsFullSizeInformation(7),
    FileFsObjectIdInformation(8),
    FileFsDriverPathInformation(9),
    FileFsVolumeFlagsInformation(10),
    FileFsSectorSizeInformation(11);

    private final int code;

    FsInformationClass(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    /** The class for a wire code, or {@code null} (callers answer INVALID_INFO_CLASS). */
    public static FsInformationClass fromCode(int code) {
        for (FsInformationClass c : values()) {
            if (c.code == code) {
                return c;
            }
        }
        return null;
    }
}
