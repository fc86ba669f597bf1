package org.bossa.fscc;

/**
 * FILE_INFORMATION_CLASS values, [MS-FSCC] 2.4 (the table in 2.4 "File Information Classes"). The code is the
 * FileInfoClass byte of SMB2 QUERY_INFO / SET_INFO ([MS-SMB2] 2.2.37, 2.2.39) and the FileInformationClass of
 * QUERY_DIRECTORY ([MS-SMB2] 2.2.33).
 */
public enum FileInformationClass {
    FileDirectoryInformation(1),
    FileFullDirectoryInformation(2),
    FileBothDirectoryInformation(3),
    FileBasicInformation(4),
    FileStandardInformation(5),
    FileInternalInformation(6),
    FileEaInformation(7),
    FileAccessInformation(8),
    FileNameInformation(9),
    FileRenameInformation(10),
    FileLinkInformation(11),
    FileNamesInformation(12),
    FileDispositionInformation(13),
    FilePositionInformation(14),
    FileFullEaInformation(15),
    FileModeInformation(16),
    FileAlignmentInformation(17),
    FileAllInformation(18),
    FileAllocationInformation(19),
    FileEndOfFileInformation(20),
    FileAlternateNameInformation(21),
    FileStreamInformation(22),
    FilePipeInformation(23),
    FilePipeLocalInformation(24),
    FilePipeRemoteInformation(25),
    FileMailslotQueryInformation(26),
    FileMailslotSetInformation(27),
    FileCompressionInformation(28),
    FileObjectIdInformation(29),
    FileMoveClusterInformation(31),
    FileQuotaInformation(32),
    FileReparsePointInformation(33),
    FileNetworkOpenInformation(34),
    FileAttributeTagInformation(35),
    FileTrackingInformation(36),
    FileIdBothDirectoryInformation(37),
    FileIdFullDirectoryInformation(38),
    FileValidDataLengthInformation(39),
    FileShortNameInformation(40),
    FileSfioReserveInformation(44),
    FileSfioVolumeInformation(45),
    FileHardLinkInformation(46),
    FileNormalizedNameInformation(48),
    FileIdGlobalTxDirectoryInformation(50),
    FileStandardLinkInformation(54),
    FileIdInformation(59),
    FileIdExtdDirectoryInformation(60),
    FileDispositionInformationEx(64),
    FileRenameInformationEx(65),
    FileStatInformation(68),
    FileStatLxInformation(70),
    FileCaseSensitiveInformation(71),
    FileLinkInformationEx(72);

    private static final FileInformationClass[] BY_CODE = new FileInformationClass[256];

    static {
        for (FileInformationClass c : values()) {
            BY_CODE[c.code] = c;
        }
    }

    private final int code;

    FileInformationClass(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    /** The class for a wire code, or {@code null} if [MS-FSCC] defines none we know (callers answer INVALID_INFO_CLASS). */
    public static FileInformationClass fromCode(int code) {
        return code >= 0 && code < BY_CODE.length ? BY_CODE[code] : null;
    }

    /** True for the QUERY_DIRECTORY entry classes {@link DirectoryEntryWriter} encodes. */
    public boolean isDirectoryClass() {
        return switch (this) {
            case FileDirectoryInformation, FileFullDirectoryInformation, FileBothDirectoryInformation,
                 FileNamesInformation, FileIdBothDirectoryInformation, FileIdFullDirectoryInformation,
                 FileIdExtdDirectoryInformation -> true;
            default -> false;
        };
    }
}
