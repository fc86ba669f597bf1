package org.bossa.fscc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bossa.fscc.FileInformationClass.*;

import org.junit.jupiter.api.Test;

class DirectoryEntryWriterTest {
    static final FileInfo INFO = FileInfo.builder().times(1, 2, 3, 4).endOfFile(5).allocationSize(4096)
            .fileAttributes(FileAttributes.FILE_ATTRIBUTE_ARCHIVE).fileId(0xABCDL).eaSize(0).build();

    static DirectoryEntry entry(String name) {
        return new DirectoryEntry(name, INFO);
    }

    @Test
    void fixedSizesMatchTheSpec() {
        assertThat(DirectoryEntryWriter.fixedSize(FileDirectoryInformation)).isEqualTo(64);
        assertThat(DirectoryEntryWriter.fixedSize(FileFullDirectoryInformation)).isEqualTo(68);
        assertThat(DirectoryEntryWriter.fixedSize(FileBothDirectoryInformation)).isEqualTo(94);
        assertThat(DirectoryEntryWriter.fixedSize(FileNamesInformation)).isEqualTo(12);
        assertThat(DirectoryEntryWriter.fixedSize(FileIdBothDirectoryInformation)).isEqualTo(104);
        assertThat(DirectoryEntryWriter.fixedSize(FileIdFullDirectoryInformation)).isEqualTo(80);
        assertThat(DirectoryEntryWriter.fixedSize(FileIdExtdDirectoryInformation)).isEqualTo(88);
        for (FileInformationClass c : FileInformationClass.values()) {
            if (c.isDirectoryClass()) {
                DirectoryEntryWriter w = new DirectoryEntryWriter(c, 1000, false);
                assertThat(w.add(entry("abc"))).isTrue();
                assertThat(w.length()).as(c.name()).isEqualTo(DirectoryEntryWriter.fixedSize(c) + 6);
            }
        }
    }

    @Test
    void idBothDirectoryLayout() {
        DirectoryEntryWriter w = new DirectoryEntryWriter(FileIdBothDirectoryInformation, 4096, false);
        w.add(new DirectoryEntry("long name.txt", "LONGNA~1.TXT", INFO));
        byte[] b = w.toByteArray();
        assertThat(Le.u32(b, 0)).isZero();
        assertThat(Le.u64(b, 8)).isEqualTo(1);
        assertThat(Le.u64(b, 32)).isEqualTo(4);
        assertThat(Le.u64(b, 40)).isEqualTo(5);
        assertThat(Le.u64(b, 48)).isEqualTo(4096);
        assertThat(Le.u32(b, 56)).isEqualTo(0x20);
        assertThat(Le.u32(b, 60)).isEqualTo(26);
        assertThat(Le.u32(b, 64)).isZero();
        assertThat(Le.u8(b, 68)).isEqualTo(24);
        assertThat(Le.utf16(b, 70, 24)).isEqualTo("LONGNA~1.TXT");
        assertThat(Le.u16(b, 94)).isZero();
        assertThat(Le.u64(b, 96)).isEqualTo(0xABCDL);
        assertThat(Le.utf16(b, 104, 26)).isEqualTo("long name.txt");
    }

    @Test
    void emptyShortNameHasLengthZero() {
        DirectoryEntryWriter w = new DirectoryEntryWriter(FileBothDirectoryInformation, 4096, false);
        w.add(entry("x"));
        byte[] b = w.toByteArray();
        assertThat(Le.u8(b, 68)).isZero();
        assertThat(b).hasSize(96);
    }

    @Test
    void entriesAreChainedAndEightByteAligned() {
        DirectoryEntryWriter w = new DirectoryEntryWriter(FileDirectoryInformation, 4096, false);
        assertThat(w.add(entry("a"))).isTrue();      // 66 bytes
        assertThat(w.add(entry("bcd"))).isTrue();    // starts at 72, 70 bytes
        assertThat(w.add(entry("ef"))).isTrue();     // starts at 144
        byte[] b = w.toByteArray();
        assertThat(Le.u32(b, 0)).isEqualTo(72);
        assertThat(Le.u32(b, 72)).isEqualTo(72);
        assertThat(Le.u32(b, 144)).isZero();
        assertThat(b).hasSize(144 + 68);            // no padding after the last entry
        assertThat(b[66]).isZero();
        assertThat(b[71]).isZero();
        assertThat(Le.utf16(b, 72 + 64, 6)).isEqualTo("bcd");
        assertThat(w.entryCount()).isEqualTo(3);
    }

    @Test
    void refusesTheEntryThatDoesNotFit() {
        // first entry 66 bytes, second starts at 72 and needs 66: 138 bytes in all
        DirectoryEntryWriter w = new DirectoryEntryWriter(FileDirectoryInformation, 137, false);
        assertThat(w.add(entry("a"))).isTrue();
        assertThat(w.add(entry("b"))).isFalse();
        assertThat(w.entryCount()).isEqualTo(1);
        assertThat(w.toByteArray()).hasSize(66);
        assertThat(Le.u32(w.toByteArray(), 0)).isZero();
        DirectoryEntryWriter exact = new DirectoryEntryWriter(FileDirectoryInformation, 138, false);
        assertThat(exact.add(entry("a"))).isTrue();
        assertThat(exact.add(entry("b"))).isTrue();
        assertThat(exact.length()).isEqualTo(138);
    }

    @Test
    void firstEntryTooBigIsRefused() {
        DirectoryEntryWriter w = new DirectoryEntryWriter(FileNamesInformation, 13, false);
        assertThat(w.add(entry("ab"))).isFalse();
        assertThat(w.isEmpty()).isTrue();
        assertThat(w.toByteArray()).isEmpty();
    }

    @Test
    void singleEntryMode() {
        DirectoryEntryWriter w = new DirectoryEntryWriter(FileNamesInformation, 4096, true);
        assertThat(w.add(entry("a"))).isTrue();
        assertThat(w.add(entry("b"))).isFalse();
        assertThat(w.toByteArray()).hasSize(14);
    }

    @Test
    void reparseTagTakesTheEaSizeSlot() {
        FileInfo rp = INFO.toBuilder().fileAttributes(FileAttributes.FILE_ATTRIBUTE_REPARSE_POINT)
                .reparseTag(0xA000000C).eaSize(99).build();
        DirectoryEntryWriter w = new DirectoryEntryWriter(FileFullDirectoryInformation, 4096, false);
        w.add(new DirectoryEntry("l", rp));
        assertThat(Le.u32(w.toByteArray(), 64)).isEqualTo(0xA000000C);
        DirectoryEntryWriter x = new DirectoryEntryWriter(FileIdExtdDirectoryInformation, 4096, false);
        x.add(new DirectoryEntry("l", rp));
        byte[] b = x.toByteArray();
        assertThat(Le.u32(b, 64)).isEqualTo(99);
        assertThat(Le.u32(b, 68)).isEqualTo(0xA000000C);
        assertThat(Le.u64(b, 72)).isEqualTo(0xABCDL);
        assertThat(Le.u64(b, 80)).isZero();
    }
}
