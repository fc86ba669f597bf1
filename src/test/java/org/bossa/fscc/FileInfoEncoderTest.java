package org.bossa.fscc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.bossa.fscc.FileInformationClass.*;

import org.junit.jupiter.api.Test;

class FileInfoEncoderTest {
    static final FileInfo FILE = FileInfo.builder()
            .times(0x01D0_0000_0000_0001L, 0x01D0_0000_0000_0002L, 0x01D0_0000_0000_0003L, 0x01D0_0000_0000_0004L)
            .endOfFile(1000).allocationSize(4096).fileAttributes(FileAttributes.FILE_ATTRIBUTE_ARCHIVE)
            .fileId(0x1122334455667788L).numberOfLinks(2).eaSize(12).accessFlags(0x001F01FF)
            .currentByteOffset(77).mode(org.bossa.fscc.FileModeInformation.FILE_SYNCHRONOUS_IO_NONALERT).reparseTag(0)
            .volumeSerialNumber(0xCAFEL).name("\\dir\\file.txt").build();

    @Test
    void basicInformationIs40Bytes() {
        byte[] b = FileInfoEncoder.encode(FileBasicInformation, FILE);
        assertThat(b).hasSize(40);
        assertThat(Le.u64(b, 0)).isEqualTo(FILE.creationTime());
        assertThat(Le.u64(b, 8)).isEqualTo(FILE.lastAccessTime());
        assertThat(Le.u64(b, 16)).isEqualTo(FILE.lastWriteTime());
        assertThat(Le.u64(b, 24)).isEqualTo(FILE.changeTime());
        assertThat(Le.u32(b, 32)).isEqualTo(0x20);
        assertThat(Le.u32(b, 36)).isZero();
    }

    @Test
    void standardInformationIs24Bytes() {
        byte[] b = FileInfoEncoder.encode(FileStandardInformation, FILE.toBuilder().deletePending(true).build());
        assertThat(b).hasSize(24);
        assertThat(Le.u64(b, 0)).isEqualTo(4096);
        assertThat(Le.u64(b, 8)).isEqualTo(1000);
        assertThat(Le.u32(b, 16)).isEqualTo(2);
        assertThat(b[20]).isEqualTo((byte) 1);
        assertThat(b[21]).isEqualTo((byte) 0);
    }

    @Test
    void networkOpenInformationIs56Bytes() {
        byte[] b = FileInfoEncoder.encode(FileNetworkOpenInformation, FILE);
        assertThat(b).hasSize(56);
        assertThat(Le.u64(b, 24)).isEqualTo(FILE.changeTime());
        assertThat(Le.u64(b, 32)).isEqualTo(4096);
        assertThat(Le.u64(b, 40)).isEqualTo(1000);
        assertThat(Le.u32(b, 48)).isEqualTo(0x20);
        assertThat(Le.u32(b, 52)).isZero();
    }

    @Test
    void allInformationHasNameAtOffset100() {
        byte[] b = FileInfoEncoder.encode(FileAllInformation, FILE);
        int nameBytes = 2 * FILE.name().length();
        assertThat(b).hasSize(100 + nameBytes);
        assertThat(Le.u64(b, 0x00)).isEqualTo(FILE.creationTime());
        assertThat(Le.u32(b, 0x20)).isEqualTo(0x20);
        assertThat(Le.u64(b, 0x28)).isEqualTo(4096);
        assertThat(Le.u64(b, 0x30)).isEqualTo(1000);
        assertThat(Le.u32(b, 0x38)).isEqualTo(2);
        assertThat(Le.u64(b, 0x40)).isEqualTo(0x1122334455667788L);
        assertThat(Le.u32(b, 0x48)).isEqualTo(12);
        assertThat(Le.u32(b, 0x4C)).isEqualTo(0x001F01FF);
        assertThat(Le.u64(b, 0x50)).isEqualTo(77);
        assertThat(Le.u32(b, 0x58)).isEqualTo(0x20);
        assertThat(Le.u32(b, 0x5C)).isZero();
        assertThat(Le.u32(b, 0x60)).isEqualTo(nameBytes);
        assertThat(Le.utf16(b, 100, nameBytes)).isEqualTo("\\dir\\file.txt");
    }

    @Test
    void allInformationNeeds104BytesAndTruncatesTheName() {
        assertThatThrownBy(() -> FileInfoEncoder.encode(FileAllInformation, FILE, 103))
                .isInstanceOfSatisfying(FsccFormatException.class,
                        e -> assertThat(e.status()).isEqualTo(FsccStatus.INFO_LENGTH_MISMATCH));
        QueryOutput q = FileInfoEncoder.encode(FileAllInformation, FILE, 104);
        assertThat(q.bufferOverflow()).isTrue();
        assertThat(q.length()).isEqualTo(104);
        assertThat(Le.u32(q.data(), 0x60)).isEqualTo(2 * FILE.name().length()); // the full length
        QueryOutput all = FileInfoEncoder.encode(FileAllInformation, FILE, 65536);
        assertThat(all.bufferOverflow()).isFalse();
        assertThat(all.length()).isEqualTo(100 + 2 * FILE.name().length());
    }

    @Test
    void smallFixedClasses() {
        assertThat(Le.u64(FileInfoEncoder.encode(FileInternalInformation, FILE), 0)).isEqualTo(0x1122334455667788L);
        assertThat(FileInfoEncoder.encode(FileEaInformation, FILE)).containsExactly(12, 0, 0, 0);
        assertThat(Le.u32(FileInfoEncoder.encode(FileAccessInformation, FILE), 0)).isEqualTo(0x001F01FF);
        assertThat(Le.u64(FileInfoEncoder.encode(FilePositionInformation, FILE), 0)).isEqualTo(77);
        assertThat(Le.u32(FileInfoEncoder.encode(FileModeInformation, FILE), 0)).isEqualTo(0x20);
        assertThat(FileInfoEncoder.encode(FileAlignmentInformation, FILE)).containsExactly(0, 0, 0, 0);
        byte[] tag = FileInfoEncoder.encode(FileAttributeTagInformation, FILE);
        assertThat(tag).hasSize(8);
        assertThat(Le.u32(tag, 0)).isEqualTo(0x20);
        byte[] comp = FileInfoEncoder.encode(FileCompressionInformation, FILE);
        assertThat(comp).hasSize(16);
        assertThat(Le.u64(comp, 0)).isEqualTo(1000);
        byte[] id = FileInfoEncoder.encode(FileIdInformation, FILE);
        assertThat(id).hasSize(24);
        assertThat(Le.u64(id, 0)).isEqualTo(0xCAFEL);
        assertThat(Le.u64(id, 8)).isEqualTo(0x1122334455667788L);
        assertThat(Le.u64(id, 16)).isZero();
    }

    @Test
    void nameClasses() {
        byte[] n = FileInfoEncoder.encode(FileNameInformation, FILE);
        assertThat(Le.u32(n, 0)).isEqualTo(26);
        assertThat(Le.utf16(n, 4, 26)).isEqualTo("\\dir\\file.txt");
        assertThat(FileInfoEncoder.encode(FileNormalizedNameInformation, FILE)).isEqualTo(n);
        QueryOutput cut = FileInfoEncoder.encode(FileNameInformation, FILE, 10);
        assertThat(cut.bufferOverflow()).isTrue();
        assertThat(cut.length()).isEqualTo(10);
        assertThatThrownBy(() -> FileInfoEncoder.encode(FileAlternateNameInformation, FILE))
                .isInstanceOfSatisfying(FsccUnsupportedException.class,
                        e -> assertThat(e.status()).isEqualTo(FsccStatus.OBJECT_NAME_NOT_FOUND));
    }

    @Test
    void streamInformationOneDataStreamForFilesNoneForDirectories() {
        byte[] s = FileInfoEncoder.encode(FileStreamInformation, FILE);
        assertThat(s).hasSize(24 + 14);
        assertThat(Le.u32(s, 0)).isZero();
        assertThat(Le.u32(s, 4)).isEqualTo(14);
        assertThat(Le.u64(s, 8)).isEqualTo(1000);
        assertThat(Le.u64(s, 16)).isEqualTo(4096);
        assertThat(Le.utf16(s, 24, 14)).isEqualTo("::$DATA");
        assertThat(FileInfoEncoder.encode(FileStreamInformation, FILE.toBuilder().directory(true).build())).isEmpty();
        QueryOutput q = FileInfoEncoder.encode(FileStreamInformation, FILE, 32);
        assertThat(q.bufferOverflow()).isTrue();
        assertThat(q.length()).isZero();
    }

    @Test
    void unsupportedClassesAreInvalidInfoClass() {
        assertThatThrownBy(() -> FileInfoEncoder.encode(FileRenameInformation, FILE))
                .isInstanceOfSatisfying(FsccUnsupportedException.class,
                        e -> assertThat(e.status()).isEqualTo(FsccStatus.INVALID_INFO_CLASS));
        assertThat(FileInformationClass.fromCode(18)).isEqualTo(FileAllInformation);
        assertThat(FileInformationClass.fromCode(30)).isNull();
        assertThat(FileInformationClass.fromCode(-1)).isNull();
        assertThat(FileInformationClass.fromCode(1000)).isNull();
    }
}
