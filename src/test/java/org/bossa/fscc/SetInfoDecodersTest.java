package org.bossa.fscc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class SetInfoDecodersTest {
    static void rejects(Function<byte[], ?> decoder, byte[] in, FsccStatus status) {
        assertThatThrownBy(() -> decoder.apply(in)).isInstanceOfSatisfying(FsccFormatException.class,
                e -> assertThat(e.status()).isEqualTo(status));
    }

    @Test
    void basicInformationRoundTripAndSpecialTimes() {
        FileBasicInformation b = new FileBasicInformation(0, -1, -2, 0x01D9_0000_0000_0000L, 0x21);
        FileBasicInformation d = FileBasicInformation.decode(b.encode());
        assertThat(d).isEqualTo(b);
        assertThat(d.creationAction()).isEqualTo(FileTime.SetAction.UNCHANGED);
        assertThat(d.lastAccessAction()).isEqualTo(FileTime.SetAction.SUSPEND_UPDATES);
        assertThat(d.lastWriteAction()).isEqualTo(FileTime.SetAction.RESUME_UPDATES);
        assertThat(d.changeAction()).isEqualTo(FileTime.SetAction.SET);
        assertThat(FileBasicInformation.decode(Arrays.copyOf(b.encode(), 36))).isEqualTo(b);
        rejects(FileBasicInformation::decode, Arrays.copyOf(b.encode(), 35), FsccStatus.INFO_LENGTH_MISMATCH);
        rejects(FileBasicInformation::decode, new byte[0], FsccStatus.INFO_LENGTH_MISMATCH);
        rejects(FileBasicInformation::decode, new FileBasicInformation(-3, 0, 0, 0, 0).encode(),
                FsccStatus.INVALID_PARAMETER);
    }

    static byte[] rename(int replace, long root, int nameLength, byte[] name) {
        ByteBuffer bb = ByteBuffer.allocate(20 + name.length).order(ByteOrder.LITTLE_ENDIAN);
        bb.put((byte) replace).put(new byte[7]).putLong(root).putInt(nameLength).put(name);
        return bb.array();
    }

    @Test
    void renameInformation() {
        byte[] name = "dir\\new.txt".getBytes(java.nio.charset.StandardCharsets.UTF_16LE);
        FileRenameInformation r = FileRenameInformation.decode(rename(1, 0, name.length, name));
        assertThat(r).isEqualTo(new FileRenameInformation(true, 0, "dir\\new.txt"));
        assertThat(FileRenameInformation.decode(r.encode())).isEqualTo(r);
        assertThat(FileLinkInformation.decode(r.encode()).fileName()).isEqualTo("dir\\new.txt");
        rejects(FileRenameInformation::decode, Arrays.copyOf(rename(1, 0, 2, name), 19),
                FsccStatus.INFO_LENGTH_MISMATCH);
        rejects(FileRenameInformation::decode, rename(0, 0, name.length + 2, name), FsccStatus.INVALID_PARAMETER);
        rejects(FileRenameInformation::decode, rename(0, 0, -1, name), FsccStatus.INVALID_PARAMETER);
        rejects(FileRenameInformation::decode, rename(0, 0, 3, name), FsccStatus.OBJECT_NAME_INVALID);
        rejects(FileRenameInformation::decode, rename(0, 0, 0, name), FsccStatus.OBJECT_NAME_INVALID);
        rejects(FileLinkInformation::decode, rename(0, 0, 2, new byte[] {0x00, (byte) 0xD8}),
                FsccStatus.OBJECT_NAME_INVALID); // lone high surrogate
    }

    @Test
    void fixedSizeClasses() {
        assertThat(FileDispositionInformation.decode(new byte[] {1}).deletePending()).isTrue();
        rejects(FileDispositionInformation::decode, new byte[0], FsccStatus.INFO_LENGTH_MISMATCH);
        FileDispositionInformationEx ex = FileDispositionInformationEx.decode(new byte[] {0x13, 0, 0, 0});
        assertThat(ex.delete()).isTrue();
        assertThat(ex.posixSemantics()).isTrue();
        assertThat(ex.ignoreReadOnlyAttribute()).isTrue();
        assertThat(ex.onClose()).isFalse();
        rejects(FileDispositionInformationEx::decode, new byte[] {1, 0, 0}, FsccStatus.INFO_LENGTH_MISMATCH);
        rejects(FileDispositionInformationEx::decode, new byte[] {0, 1, 0, 0}, FsccStatus.INVALID_PARAMETER);

        byte[] eight = {0x10, 0, 0, 0, 0, 0, 0, 0};
        assertThat(FileEndOfFileInformation.decode(eight).endOfFile()).isEqualTo(16);
        assertThat(FileAllocationInformation.decode(eight).allocationSize()).isEqualTo(16);
        assertThat(FilePositionInformation.decode(eight).currentByteOffset()).isEqualTo(16);
        assertThat(FileValidDataLengthInformation.decode(eight).validDataLength()).isEqualTo(16);
        byte[] negative = {0, 0, 0, 0, 0, 0, 0, (byte) 0x80};
        for (Function<byte[], ?> d : List.<Function<byte[], ?>>of(FileEndOfFileInformation::decode,
                FileAllocationInformation::decode, FilePositionInformation::decode,
                FileValidDataLengthInformation::decode)) {
            rejects(d, Arrays.copyOf(eight, 7), FsccStatus.INFO_LENGTH_MISMATCH);
            rejects(d, negative, FsccStatus.INVALID_PARAMETER);
        }
        assertThat(FileModeInformation.decode(new byte[] {0x02, 0, 0, 0}).mode()).isEqualTo(2);
        rejects(FileModeInformation::decode, new byte[] {0, 0x10, 0, 0}, FsccStatus.INVALID_PARAMETER);
        rejects(FileModeInformation::decode, new byte[] {2, 0}, FsccStatus.INFO_LENGTH_MISMATCH);
    }

    @Test
    void fullEaChain() {
        List<FileFullEaInformation.Entry> eas = List.of(
                new FileFullEaInformation.Entry(0, "USER.A", new byte[] {1, 2, 3}),
                new FileFullEaInformation.Entry(FileFullEaInformation.FILE_NEED_EA, "B", new byte[0]));
        byte[] enc = FileFullEaInformation.encode(eas);
        assertThat(Le.u32(enc, 0)).isEqualTo(20); // 8 + 6 + 1 + 3 = 18, padded to 20
        assertThat(enc).hasSize(20 + 10);
        assertThat(FileFullEaInformation.decode(enc)).isEqualTo(eas);
        assertThat(FileFullEaInformation.eaSize(eas)).isEqualTo(30);
        for (int cut = 0; cut < enc.length; cut++) {
            rejects(FileFullEaInformation::decode, Arrays.copyOf(enc, cut), FsccStatus.EA_LIST_INCONSISTENT);
        }
        byte[] lying = enc.clone();
        lying[0] = 8; // NextEntryOffset inside the first entry
        rejects(FileFullEaInformation::decode, lying, FsccStatus.EA_LIST_INCONSISTENT);
        byte[] noNul = enc.clone();
        noNul[8 + 6] = 'x';
        rejects(FileFullEaInformation::decode, noNul, FsccStatus.EA_LIST_INCONSISTENT);
    }

    @Test
    void attributesForSet() {
        assertThat(FileAttributes.validateForSet(0x21 | FileAttributes.FILE_ATTRIBUTE_SPARSE_FILE, false))
                .isEqualTo(0x21);
        assertThatThrownBy(() -> FileAttributes.validateForSet(FileAttributes.FILE_ATTRIBUTE_DIRECTORY, false))
                .isInstanceOf(FsccFormatException.class);
        assertThatThrownBy(() -> FileAttributes.validateForSet(FileAttributes.FILE_ATTRIBUTE_TEMPORARY, true))
                .isInstanceOf(FsccFormatException.class);
        assertThatThrownBy(() -> FileAttributes.validateForSet(0x01000000, false))
                .isInstanceOf(FsccFormatException.class);
        assertThat(FileAttributes.forQuery(0, false)).isEqualTo(FileAttributes.FILE_ATTRIBUTE_NORMAL);
        assertThat(FileAttributes.forQuery(FileAttributes.FILE_ATTRIBUTE_NORMAL, true)).isEqualTo(0x10);
    }
}
