package org.bossa.fscc;

/**
 * FILE_LINK_INFORMATION_TYPE_2 (the SMB2 form), [MS-FSCC] 2.4.29.2: same layout as
 * {@link FileRenameInformation}: ReplaceIfExists 1, Reserved 7, RootDirectory 8, FileNameLength 4, FileName.
 */
public record FileLinkInformation(boolean replaceIfExists, long rootDirectory, String fileName) {
    /** @throws FsccFormatException as {@link FileRenameInformation#decode} */
    public static FileLinkInformation decode(byte[] in) {
        RenameLayout.Parsed p = RenameLayout.decode(in, "FileLinkInformation");
        return new FileLinkInformation(p.replaceIfExists(), p.rootDirectory(), p.fileName());
    }

    public byte[] encode() {
        return RenameLayout.encode(replaceIfExists, rootDirectory, fileName);
    }
}
