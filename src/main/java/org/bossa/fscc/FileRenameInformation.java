package org.bossa.fscc;

/**
 * FILE_RENAME_INFORMATION_TYPE_2 (the SMB2 form), [MS-FSCC] 2.4.42.2: ReplaceIfExists 1, Reserved 7,
 * RootDirectory 8, FileNameLength 4, FileName. Over SMB2 the name is share-relative and RootDirectory must be 0
 * ([MS-SMB2] 2.2.39); checking that, and the name itself, is the server's job.
 */
public record FileRenameInformation(boolean replaceIfExists, long rootDirectory, String fileName) {
    /**
     * @throws FsccFormatException INFO_LENGTH_MISMATCH under 20 bytes; INVALID_PARAMETER if FileNameLength runs past
     *                             the buffer; OBJECT_NAME_INVALID for an empty, odd-length or invalid UTF-16 name
     */
    public static FileRenameInformation decode(byte[] in) {
        RenameLayout.Parsed p = RenameLayout.decode(in, "FileRenameInformation");
        return new FileRenameInformation(p.replaceIfExists(), p.rootDirectory(), p.fileName());
    }

    public byte[] encode() {
        return RenameLayout.encode(replaceIfExists, rootDirectory, fileName);
    }
}
