package org.bossa.fscc;

/**
 * The SMB2 form of FILE_RENAME_INFORMATION / FILE_LINK_INFORMATION ([MS-FSCC] 2.4.42.2, 2.4.29.2):
 * ReplaceIfExists 1, Reserved 7, RootDirectory 8, FileNameLength 4, FileName.
 */
final class RenameLayout {
    static final int FIXED = 20;

    record Parsed(boolean replaceIfExists, long rootDirectory, String fileName) {
    }

    private RenameLayout() {
    }

    static Parsed decode(byte[] in, String what) {
        LeReader r = new LeReader(in, FsccStatus.INFO_LENGTH_MISMATCH);
        r.require(0, FIXED, what);
        boolean replace = r.u8(0) != 0;
        long root = r.u64(8);
        long nameLength = Integer.toUnsignedLong(r.u32(16));
        if (nameLength > r.length() - FIXED) {
            throw new FsccFormatException(FsccStatus.INVALID_PARAMETER,
                    what + ": FileNameLength " + nameLength + " exceeds the " + (r.length() - FIXED) + " bytes sent");
        }
        if (nameLength == 0) {
            throw new FsccFormatException(FsccStatus.OBJECT_NAME_INVALID, what + ": empty FileName");
        }
        String name = r.utf16(FIXED, nameLength);
        return new Parsed(replace, root, name);
    }

    static byte[] encode(boolean replace, long root, String name) {
        byte[] n = LeWriter.utf16(name);
        return new LeWriter(FIXED + n.length).u8(replace ? 1 : 0).zeros(7).u64(root).u32(n.length).bytes(n)
                .toByteArray();
    }
}
