package org.bossa.fscc;

/** FILE_DISPOSITION_INFORMATION_EX, [MS-FSCC] 2.4.12: Flags 4. */
public record FileDispositionInformationEx(int flags) {
    public static final int FILE_DISPOSITION_DO_NOT_DELETE = 0x00000000;
    public static final int FILE_DISPOSITION_DELETE = 0x00000001;
    public static final int FILE_DISPOSITION_POSIX_SEMANTICS = 0x00000002;
    public static final int FILE_DISPOSITION_FORCE_IMAGE_SECTION_CHECK = 0x00000004;
    public static final int FILE_DISPOSITION_ON_CLOSE = 0x00000008;
    public static final int FILE_DISPOSITION_IGNORE_READONLY_ATTRIBUTE = 0x00000010;

    static final int ALL = FILE_DISPOSITION_DELETE | FILE_DISPOSITION_POSIX_SEMANTICS
            | FILE_DISPOSITION_FORCE_IMAGE_SECTION_CHECK | FILE_DISPOSITION_ON_CLOSE
            | FILE_DISPOSITION_IGNORE_READONLY_ATTRIBUTE;

    /** @throws FsccFormatException INFO_LENGTH_MISMATCH under 4 bytes; INVALID_PARAMETER for undefined flags */
    public static FileDispositionInformationEx decode(byte[] in) {
        LeReader r = new LeReader(in, FsccStatus.INFO_LENGTH_MISMATCH);
        int flags = r.u32(0);
        if ((flags & ~ALL) != 0) {
            throw new FsccFormatException(FsccStatus.INVALID_PARAMETER,
                    "undefined disposition flags 0x" + Integer.toHexString(flags & ~ALL));
        }
        return new FileDispositionInformationEx(flags);
    }

    public boolean delete() {
        return (flags & FILE_DISPOSITION_DELETE) != 0;
    }

    public boolean posixSemantics() {
        return (flags & FILE_DISPOSITION_POSIX_SEMANTICS) != 0;
    }

    public boolean onClose() {
        return (flags & FILE_DISPOSITION_ON_CLOSE) != 0;
    }

    public boolean ignoreReadOnlyAttribute() {
        return (flags & FILE_DISPOSITION_IGNORE_READONLY_ATTRIBUTE) != 0;
    }
}
