package org.bossa.fscc;

/**
 * Packs QUERY_DIRECTORY entries ([MS-SMB2] 2.2.34, 3.3.5.18) into one output buffer of at most
 * OutputBufferLength bytes. Each entry starts on an 8-byte boundary; the previous entry's NextEntryOffset is set
 * to the distance to the next; the last entry has NextEntryOffset 0 and no trailing padding ([MS-FSCC] 2.4).
 * {@link #add} refuses an entry that does not fit so the caller keeps it for the next request.
 * <p>
 * Entry layouts (fixed part size; FileName follows):
 * <ul>
 * <li>2.4.10 FileDirectoryInformation (64): NextEntryOffset 4, FileIndex 4, CreationTime 8, LastAccessTime 8,
 *     LastWriteTime 8, ChangeTime 8, EndOfFile 8, AllocationSize 8, FileAttributes 4, FileNameLength 4</li>
 * <li>2.4.17 FileFullDirectoryInformation (68): ... FileNameLength 4, EaSize 4</li>
 * <li>2.4.8 FileBothDirectoryInformation (94): ... EaSize 4, ShortNameLength 1, Reserved 1, ShortName 24</li>
 * <li>2.4.35 FileNamesInformation (12): NextEntryOffset 4, FileIndex 4, FileNameLength 4</li>
 * <li>2.4.24 FileIdBothDirectoryInformation (104): ... ShortName 24, Reserved2 2, FileId 8</li>
 * <li>2.4.25 FileIdFullDirectoryInformation (80): ... EaSize 4, Reserved 4, FileId 8</li>
 * <li>2.4.22 FileIdExtdDirectoryInformation (88): ... EaSize 4, ReparsePointTag 4, FileId 16</li>
 * </ul>
 * EaSize carries the reparse tag instead when FILE_ATTRIBUTE_REPARSE_POINT is set ([MS-FSCC] 2.4.8).
 * FileIndex is 0: its value is undefined for file systems without ordered directories.
 */
public final class DirectoryEntryWriter {
    private final FileInformationClass cls;
    private final int maxLength;
    private final boolean singleEntry;
    private final LeWriter out;
    private int lastEntryStart = -1;
    private int count;

    /**
     * @param cls                one of the directory classes ({@link FileInformationClass#isDirectoryClass()})
     * @param outputBufferLength the request's OutputBufferLength (already capped by the server's max transact size)
     * @param singleEntry        SMB2_RETURN_SINGLE_ENTRY: accept one entry only
     */
    public DirectoryEntryWriter(FileInformationClass cls, int outputBufferLength, boolean singleEntry) {
        if (!cls.isDirectoryClass()) {
            throw new FsccUnsupportedException(FsccStatus.INVALID_INFO_CLASS, cls + " is not a directory class");
        }
        if (outputBufferLength < 0) {
            throw new IllegalArgumentException("negative OutputBufferLength");
        }
        this.cls = cls;
        this.maxLength = outputBufferLength;
        this.singleEntry = singleEntry;
        this.out = new LeWriter(Math.min(outputBufferLength, 4096));
    }

    /** The size of the fixed part of one entry of {@code cls}, before FileName. */
    public static int fixedSize(FileInformationClass cls) {
        return switch (cls) {
            case FileDirectoryInformation -> 64;
            case FileFullDirectoryInformation -> 68;
            case FileBothDirectoryInformation -> 94;
            case FileNamesInformation -> 12;
            case FileIdBothDirectoryInformation -> 104;
            case FileIdFullDirectoryInformation -> 80;
            case FileIdExtdDirectoryInformation -> 88;
            default -> throw new FsccUnsupportedException(FsccStatus.INVALID_INFO_CLASS,
                    cls + " is not a directory class");
        };
    }

    /** The unpadded size of {@code e} encoded as {@code cls}. */
    public static int entrySize(FileInformationClass cls, DirectoryEntry e) {
        return fixedSize(cls) + 2 * e.fileName().length();
    }

    /**
     * Appends {@code e} if it fits (after padding to 8) and, in single-entry mode, if no entry was added yet.
     *
     * @return false if refused; nothing was written then
     */
    public boolean add(DirectoryEntry e) {
        if (singleEntry && count > 0) {
            return false;
        }
        byte[] name = LeWriter.utf16(e.fileName());
        int start = count == 0 ? 0 : (out.position() + 7) & ~7;
        long end = (long) start + fixedSize(cls) + name.length;
        if (end > maxLength) {
            return false;
        }
        if (count > 0) {
            out.align(8);
            out.putU32(lastEntryStart, start - lastEntryStart);
        }
        write(e, name);
        lastEntryStart = start;
        count++;
        return true;
    }

    private void write(DirectoryEntry e, byte[] name) {
        FileInfo f = e.info();
        out.u32(0).u32(0); // NextEntryOffset (patched by the next add), FileIndex
        if (cls == FileInformationClass.FileNamesInformation) {
            out.u32(name.length).bytes(name);
            return;
        }
        out.u64(f.creationTime()).u64(f.lastAccessTime()).u64(f.lastWriteTime()).u64(f.changeTime())
                .u64(f.endOfFile()).u64(f.allocationSize()).u32(f.fileAttributes()).u32(name.length);
        if (cls == FileInformationClass.FileDirectoryInformation) {
            out.bytes(name);
            return;
        }
        boolean reparse = (f.fileAttributes() & FileAttributes.FILE_ATTRIBUTE_REPARSE_POINT) != 0;
        out.u32(reparse && cls != FileInformationClass.FileIdExtdDirectoryInformation ? f.reparseTag() : f.eaSize());
        switch (cls) {
            case FileBothDirectoryInformation, FileIdBothDirectoryInformation -> {
                byte[] shortName = LeWriter.utf16(e.shortName());
                out.u8(shortName.length).u8(0).bytes(shortName).zeros(24 - shortName.length);
                if (cls == FileInformationClass.FileIdBothDirectoryInformation) {
                    out.u16(0).u64(f.fileId()); // Reserved2, FileId
                }
            }
            case FileIdFullDirectoryInformation -> out.u32(0).u64(f.fileId());
            case FileIdExtdDirectoryInformation -> out.u32(f.reparseTag()).u64(f.fileId()).u64(0);
            default -> {
                // FileFullDirectoryInformation: EaSize was the last fixed field
            }
        }
        out.bytes(name);
    }

    public int entryCount() {
        return count;
    }

    public boolean isEmpty() {
        return count == 0;
    }

    /** Bytes written so far (no trailing padding). */
    public int length() {
        return out.position();
    }

    public FileInformationClass informationClass() {
        return cls;
    }

    /** The OutputBuffer of the QUERY_DIRECTORY response. */
    public byte[] toByteArray() {
        return out.toByteArray();
    }
}
