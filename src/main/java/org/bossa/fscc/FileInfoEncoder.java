package org.bossa.fscc;

import java.util.Arrays;

/**
 * Encodes the QUERY_INFO (SMB2_0_INFO_FILE) replies of [MS-FSCC] 2.4 from a {@link FileInfo}. Layouts, with the
 * byte size of each fixed part:
 * <ul>
 * <li>2.4.7 FileBasicInformation (40): CreationTime 8, LastAccessTime 8, LastWriteTime 8, ChangeTime 8,
 *     FileAttributes 4, Reserved 4</li>
 * <li>2.4.45 FileStandardInformation (24): AllocationSize 8, EndOfFile 8, NumberOfLinks 4, DeletePending 1,
 *     Directory 1, Reserved 2</li>
 * <li>2.4.26 FileInternalInformation (8): IndexNumber 8</li>
 * <li>2.4.13 FileEaInformation (4): EaSize 4</li>
 * <li>2.4.1 FileAccessInformation (4): AccessFlags 4</li>
 * <li>2.4.32 FileNameInformation (4 + name): FileNameLength 4, FileName</li>
 * <li>2.4.40 FilePositionInformation (8): CurrentByteOffset 8</li>
 * <li>2.4.31 FileModeInformation (4): Mode 4</li>
 * <li>2.4.3 FileAlignmentInformation (4): AlignmentRequirement 4</li>
 * <li>2.4.2 FileAllInformation (100 + name): the nine structures above in order, the name at offset 100; a
 *     client must offer at least 104 bytes (BlockAlign(100, 8), as Windows and Samba require)</li>
 * <li>2.4.5 FileAlternateNameInformation: as FileNameInformation; Bossa keeps no 8.3 names and answers
 *     OBJECT_NAME_NOT_FOUND like Windows with 8.3 creation disabled</li>
 * <li>2.4.47 FileStreamInformation (24 + name per entry, 8-aligned): NextEntryOffset 4, StreamNameLength 4,
 *     StreamSize 8, StreamAllocationSize 8, StreamName; one "::$DATA" entry for a file, none for a directory</li>
 * <li>2.4.9 FileCompressionInformation (16): CompressedFileSize 8, CompressionFormat 2, CompressionUnitShift 1,
 *     ChunkShift 1, ClusterShift 1, Reserved 3</li>
 * <li>2.4.34 FileNetworkOpenInformation (56): four times 8 each, AllocationSize 8, EndOfFile 8,
 *     FileAttributes 4, Reserved 4</li>
 * <li>2.4.6 FileAttributeTagInformation (8): FileAttributes 4, ReparseTag 4</li>
 * <li>2.4.33 FileNormalizedNameInformation: as FileNameInformation</li>
 * <li>2.4.27 FileIdInformation (24): VolumeSerialNumber 8, FileId 16 (the 64-bit id zero-extended)</li>
 * </ul>
 */
public final class FileInfoEncoder {
    /** The stream name of the unnamed data stream ([MS-FSCC] 2.4.47). */
    public static final String DEFAULT_STREAM_NAME = "::$DATA";
    /** COMPRESSION_FORMAT_NONE ([MS-FSCC] 2.4.9). */
    public static final int COMPRESSION_FORMAT_NONE = 0;

    private FileInfoEncoder() {
    }

    /** True if {@link #encode} serves this class. */
    public static boolean supports(FileInformationClass cls) {
        return minimumOutputLength(cls) >= 0;
    }

    /**
     * The smallest OutputBufferLength the class accepts; shorter is STATUS_INFO_LENGTH_MISMATCH
     * ([MS-FSA] 2.1.5.12). -1 for classes this encoder does not serve.
     */
    public static int minimumOutputLength(FileInformationClass cls) {
        return switch (cls) {
            case FileBasicInformation -> 40;
            case FileStandardInformation, FileIdInformation -> 24;
            case FileInternalInformation, FilePositionInformation, FileAttributeTagInformation -> 8;
            case FileEaInformation, FileAccessInformation, FileModeInformation, FileAlignmentInformation -> 4;
            case FileNameInformation, FileNormalizedNameInformation, FileAlternateNameInformation -> 4;
            case FileAllInformation -> 104;
            case FileStreamInformation -> 32;
            case FileCompressionInformation -> 16;
            case FileNetworkOpenInformation -> 56;
            default -> -1;
        };
    }

    /**
     * The complete structure for {@code cls}.
     *
     * @throws FsccUnsupportedException INVALID_INFO_CLASS for classes not served here, OBJECT_NAME_NOT_FOUND for
     *                                  FileAlternateNameInformation
     */
    public static byte[] encode(FileInformationClass cls, FileInfo f) {
        LeWriter w = new LeWriter(128);
        switch (cls) {
            case FileBasicInformation -> basic(w, f);
            case FileStandardInformation -> standard(w, f);
            case FileInternalInformation -> w.u64(f.fileId());
            case FileEaInformation -> w.u32(f.eaSize());
            case FileAccessInformation -> w.u32(f.accessFlags());
            case FileNameInformation, FileNormalizedNameInformation -> name(w, f);
            case FilePositionInformation -> w.u64(f.currentByteOffset());
            case FileModeInformation -> w.u32(f.mode());
            case FileAlignmentInformation -> w.u32(f.alignmentRequirement());
            case FileAllInformation -> {
                basic(w, f);                       // 0x00
                standard(w, f);                    // 0x28
                w.u64(f.fileId());                 // 0x40 InternalInformation
                w.u32(f.eaSize());                 // 0x48 EaInformation
                w.u32(f.accessFlags());            // 0x4C AccessInformation
                w.u64(f.currentByteOffset());      // 0x50 PositionInformation
                w.u32(f.mode());                   // 0x58 ModeInformation
                w.u32(f.alignmentRequirement());   // 0x5C AlignmentInformation
                name(w, f);                        // 0x60 NameInformation
            }
            case FileAlternateNameInformation -> throw new FsccUnsupportedException(
                    FsccStatus.OBJECT_NAME_NOT_FOUND, "no 8.3 short names");
            case FileStreamInformation -> {
                if (!f.directory()) {
                    byte[] n = LeWriter.utf16(DEFAULT_STREAM_NAME);
                    w.u32(0).u32(n.length).u64(f.endOfFile()).u64(f.allocationSize()).bytes(n);
                }
            }
            case FileCompressionInformation -> w.u64(f.endOfFile()).u16(COMPRESSION_FORMAT_NONE)
                    .u8(0).u8(0).u8(0).zeros(3);
            case FileNetworkOpenInformation -> {
                times(w, f);
                w.u64(f.allocationSize()).u64(f.endOfFile()).u32(f.fileAttributes()).u32(0);
            }
            case FileAttributeTagInformation -> w.u32(f.fileAttributes()).u32(f.reparseTag());
            case FileIdInformation -> w.u64(f.volumeSerialNumber()).u64(f.fileId()).u64(0);
            default -> throw new FsccUnsupportedException(FsccStatus.INVALID_INFO_CLASS,
                    "query of " + cls + " not supported");
        }
        return w.toByteArray();
    }

    /**
     * The structure fitted to the client's OutputBufferLength, as [MS-FSA] 2.1.5.12 does: shorter than
     * {@link #minimumOutputLength} is INFO_LENGTH_MISMATCH; a variable name that does not fit is cut at the
     * buffer end (its length field still giving the full length) with {@code bufferOverflow} set; stream entries
     * that do not fit are left out whole.
     *
     * @throws FsccFormatException INFO_LENGTH_MISMATCH when the buffer is below the minimum
     */
    public static QueryOutput encode(FileInformationClass cls, FileInfo f, int outputBufferLength) {
        int min = minimumOutputLength(cls);
        if (min < 0) {
            throw new FsccUnsupportedException(FsccStatus.INVALID_INFO_CLASS, "query of " + cls + " not supported");
        }
        if (Integer.toUnsignedLong(outputBufferLength) < min) {
            throw new FsccFormatException(FsccStatus.INFO_LENGTH_MISMATCH,
                    cls + " needs " + min + " bytes, client offers " + Integer.toUnsignedLong(outputBufferLength));
        }
        byte[] full = encode(cls, f);
        if (full.length <= Integer.toUnsignedLong(outputBufferLength)) {
            return new QueryOutput(full, false);
        }
        if (cls == FileInformationClass.FileStreamInformation) {
            return new QueryOutput(new byte[0], true); // the only entry does not fit
        }
        return new QueryOutput(Arrays.copyOf(full, outputBufferLength), true);
    }

    private static void times(LeWriter w, FileInfo f) {
        w.u64(f.creationTime()).u64(f.lastAccessTime()).u64(f.lastWriteTime()).u64(f.changeTime());
    }

    private static void basic(LeWriter w, FileInfo f) {
        times(w, f);
        w.u32(f.fileAttributes()).u32(0);
    }

    private static void standard(LeWriter w, FileInfo f) {
        w.u64(f.allocationSize()).u64(f.endOfFile()).u32(f.numberOfLinks())
                .u8(f.deletePending() ? 1 : 0).u8(f.directory() ? 1 : 0).u16(0);
    }

    private static void name(LeWriter w, FileInfo f) {
        byte[] n = LeWriter.utf16(f.name());
        w.u32(n.length).bytes(n);
    }
}
