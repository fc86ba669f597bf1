package org.bossa.fscc;

/**
 * FILE_BASIC_INFORMATION as a SET_INFO input, [MS-FSCC] 2.4.7: CreationTime 8, LastAccessTime 8,
 * LastWriteTime 8, ChangeTime 8, FileAttributes 4, Reserved 4. A time of 0 leaves the stamp alone, -1 and -2
 * suspend and resume automatic updates ({@link FileTime.SetAction}); FileAttributes 0 leaves them alone.
 */
public record FileBasicInformation(long creationTime, long lastAccessTime, long lastWriteTime, long changeTime,
                                   int fileAttributes) {
    /** The structure is 40 bytes; like Samba, accept 36 (some clients omit the Reserved field). */
    public static final int MIN_LENGTH = 36;

    /**
     * @throws FsccFormatException INFO_LENGTH_MISMATCH if shorter than 36 bytes; INVALID_PARAMETER for a time
     *                             below -2
     */
    public static FileBasicInformation decode(byte[] in) {
        LeReader r = new LeReader(in, FsccStatus.INFO_LENGTH_MISMATCH);
        r.require(0, MIN_LENGTH, "FileBasicInformation");
        FileBasicInformation b = new FileBasicInformation(r.u64(0), r.u64(8), r.u64(16), r.u64(24), r.u32(32));
        FileTime.classifyForSet(b.creationTime);
        FileTime.classifyForSet(b.lastAccessTime);
        FileTime.classifyForSet(b.lastWriteTime);
        FileTime.classifyForSet(b.changeTime);
        return b;
    }

    public FileTime.SetAction creationAction() {
        return FileTime.classifyForSet(creationTime);
    }

    public FileTime.SetAction lastAccessAction() {
        return FileTime.classifyForSet(lastAccessTime);
    }

    public FileTime.SetAction lastWriteAction() {
        return FileTime.classifyForSet(lastWriteTime);
    }

    public FileTime.SetAction changeAction() {
        return FileTime.classifyForSet(changeTime);
    }

    /** True if FileAttributes asks for a change (non-zero). */
    public boolean setsAttributes() {
        return fileAttributes != 0;
    }

    /** The 40-byte encoding (for tests and clients). */
    public byte[] encode() {
        return new LeWriter(40).u64(creationTime).u64(lastAccessTime).u64(lastWriteTime).u64(changeTime)
                .u32(fileAttributes).u32(0).toByteArray();
    }
}
