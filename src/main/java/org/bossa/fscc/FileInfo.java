package org.bossa.fscc;

/**
 * What the server knows about one open file, neutral of any information class; {@link FileInfoEncoder} and
 * {@link DirectoryEntryWriter} pick the fields each class needs. All times are FILETIME ({@link FileTime}).
 *
 * @param creationTime        CreationTime
 * @param lastAccessTime      LastAccessTime
 * @param lastWriteTime       LastWriteTime
 * @param changeTime          ChangeTime
 * @param endOfFile           EndOfFile: the file size in bytes (0 for directories)
 * @param allocationSize      AllocationSize: bytes allocated on disk
 * @param fileAttributes      FileAttributes ([MS-FSCC] 2.6), reported as given
 * @param fileId              the 64-bit file id (IndexNumber of FileInternalInformation, FileId of directory entries)
 * @param numberOfLinks       NumberOfLinks
 * @param deletePending       DeletePending
 * @param directory           Directory
 * @param eaSize              EaSize: the combined length of the file's extended attributes
 * @param accessFlags         AccessFlags: the access mask granted to the open (FileAccessInformation)
 * @param currentByteOffset   CurrentByteOffset (FilePositionInformation)
 * @param mode                Mode (FileModeInformation: FILE_WRITE_THROUGH, FILE_SEQUENTIAL_ONLY, ...)
 * @param alignmentRequirement AlignmentRequirement (FileAlignmentInformation; 0 = FILE_BYTE_ALIGNMENT)
 * @param reparseTag          ReparseTag (FileAttributeTagInformation, FileIdExtdDirectoryInformation); 0 if none
 * @param volumeSerialNumber  VolumeSerialNumber (FileIdInformation)
 * @param name                for FileNameInformation / FileAllInformation / FileNormalizedNameInformation: the
 *                            path as the client knows it, share-relative with a leading '\'; may be null there
 *                            only if those classes are never asked for
 */
public record FileInfo(long creationTime, long lastAccessTime, long lastWriteTime, long changeTime,
                       long endOfFile, long allocationSize, int fileAttributes, long fileId, int numberOfLinks,
                       boolean deletePending, boolean directory, int eaSize, int accessFlags,
                       long currentByteOffset, int mode, int alignmentRequirement, int reparseTag,
                       long volumeSerialNumber, String name) {

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder().times(creationTime, lastAccessTime, lastWriteTime, changeTime).endOfFile(endOfFile)
                .allocationSize(allocationSize).fileAttributes(fileAttributes).fileId(fileId)
                .numberOfLinks(numberOfLinks).deletePending(deletePending).directory(directory).eaSize(eaSize)
                .accessFlags(accessFlags).currentByteOffset(currentByteOffset).mode(mode)
                .alignmentRequirement(alignmentRequirement).reparseTag(reparseTag)
                .volumeSerialNumber(volumeSerialNumber).name(name);
    }

    /** Mutable helper to assemble a {@link FileInfo}; defaults are 0 / false / null, NumberOfLinks 1. */
    public static final class Builder {
        private long creationTime;
        private long lastAccessTime;
        private long lastWriteTime;
        private long changeTime;
        private long endOfFile;
        private long allocationSize;
        private int fileAttributes;
        private long fileId;
        private int numberOfLinks = 1;
        private boolean deletePending;
        private boolean directory;
        private int eaSize;
        private int accessFlags;
        private long currentByteOffset;
        private int mode;
        private int alignmentRequirement;
        private int reparseTag;
        private long volumeSerialNumber;
        private String name;

        private Builder() {
        }

        public Builder times(long creation, long lastAccess, long lastWrite, long change) {
            this.creationTime = creation;
            this.lastAccessTime = lastAccess;
            this.lastWriteTime = lastWrite;
            this.changeTime = change;
            return this;
        }

        public Builder endOfFile(long v) { this.endOfFile = v; return this; }

        public Builder allocationSize(long v) { this.allocationSize = v; return this; }

        public Builder fileAttributes(int v) { this.fileAttributes = v; return this; }

        public Builder fileId(long v) { this.fileId = v; return this; }

        public Builder numberOfLinks(int v) { this.numberOfLinks = v; return this; }

        public Builder deletePending(boolean v) { this.deletePending = v; return this; }

        public Builder directory(boolean v) { this.directory = v; return this; }

        public Builder eaSize(int v) { this.eaSize = v; return this; }

        public Builder accessFlags(int v) { this.accessFlags = v; return this; }

        public Builder currentByteOffset(long v) { this.currentByteOffset = v; return this; }

        public Builder mode(int v) { this.mode = v; return this; }

        public Builder alignmentRequirement(int v) { this.alignmentRequirement = v; return this; }

        public Builder reparseTag(int v) { this.reparseTag = v; return this; }

        public Builder volumeSerialNumber(long v) { this.volumeSerialNumber = v; return this; }

        public Builder name(String v) { this.name = v; return this; }

        public FileInfo build() {
            return new FileInfo(creationTime, lastAccessTime, lastWriteTime, changeTime, endOfFile, allocationSize,
                    fileAttributes, fileId, numberOfLinks, deletePending, directory, eaSize, accessFlags,
                    currentByteOffset, mode, alignmentRequirement, reparseTag, volumeSerialNumber, name);
        }
    }
}
