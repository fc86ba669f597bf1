package org.bossa.vfs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.bossa.smb2.wire.NtStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ResolveTest {

    @TempDir
    Path tmp;

    ShareRoot share;

    @BeforeEach
    void open() {
        share = ShareRoot.open(tmp);
    }

    @AfterEach
    void close() {
        share.close();
    }

    @Test
    void matchesCaseInsensitively() throws Exception {
        Files.createDirectories(tmp.resolve("dir/sub"));
        Files.writeString(tmp.resolve("dir/file.txt"), "x");
        assertEquals("dir/file.txt", share.resolve(List.of("DIR", "File.TXT")));
        assertEquals("dir/sub", share.resolve(List.of("Dir", "SUB")));
        assertEquals("dir/file.txt", share.resolve(List.of("dir", "file.txt")));
        try (FileHandle h = share.open(share.resolve(List.of("DIR", "FILE.txt")), OpenMode.read())) {
            assertEquals(1, h.stat().size());
        }
    }

    @Test
    void nonAsciiFolding() throws Exception {
        Files.writeString(tmp.resolve("straße-ÄÖÜ-ж"), "x");
        assertEquals("straße-ÄÖÜ-ж", share.resolve(List.of("STRAßE-äöü-Ж")));
    }

    @Test
    void exactMatchPreferred() throws Exception {
        Files.writeString(tmp.resolve("a"), "lower");
        Files.writeString(tmp.resolve("A"), "upper");
        assertEquals("a", share.resolve(List.of("a")));
        assertEquals("A", share.resolve(List.of("A")));
        Files.createDirectory(tmp.resolve("D"));
        Files.createDirectory(tmp.resolve("d"));
        Files.writeString(tmp.resolve("D/x"), "x");
        assertEquals("D/x", share.resolve(List.of("D", "X")));
        // several folded matches, none exact: the ordinally smallest wins, every time
        Files.writeString(tmp.resolve("bB"), "");
        Files.writeString(tmp.resolve("Bb"), "");
        assertEquals("Bb", share.resolve(List.of("bb")));
    }

    @Test
    void missingLastComponentReturnedAsGiven() throws Exception {
        Files.createDirectory(tmp.resolve("dir"));
        assertEquals("dir/New File.txt", share.resolve(List.of("DIR", "New File.txt")));
        assertEquals(".", share.resolve(List.of()));
    }

    @Test
    void missingOrFileParentIsPathNotFound() throws Exception {
        Files.writeString(tmp.resolve("file"), "x");
        VfsException e = assertThrows(VfsException.class, () -> share.resolve(List.of("nope", "x")));
        assertEquals(NtStatus.OBJECT_PATH_NOT_FOUND, e.status());
        e = assertThrows(VfsException.class, () -> share.resolve(List.of("FILE", "x")));
        assertEquals(NtStatus.OBJECT_PATH_NOT_FOUND, e.status());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", ".", "..", "a/b", "a\\b", "a:b", "a*", "a?", "a\"b", "a<b", "a>b", "a|b",
            "nul\0byte", "tab\tname", "\u0001", "\u001f"})
    void invalidComponentsRefused(String bad) {
        VfsException e = assertThrows(VfsException.class, () -> share.resolve(List.of("ok", bad)));
        assertEquals(NtStatus.OBJECT_NAME_INVALID, e.status());
        assertEquals(0, e.errno());
        e = assertThrows(VfsException.class, () -> share.resolve(List.of(bad)));
        assertEquals(NtStatus.OBJECT_NAME_INVALID, e.status());
    }

    @Test
    void overlongComponentRefused() {
        String longName = "é".repeat(128); // 256 bytes of UTF-8
        VfsException e = assertThrows(VfsException.class, () -> share.resolve(List.of(longName)));
        assertEquals(NtStatus.OBJECT_NAME_INVALID, e.status());
        assertEquals("a".repeat(255), share.resolve(List.of("a".repeat(255))));
    }

    @Test
    void nameFold() {
        assertTrue(NameFold.equalsIgnoreCase("File.TXT", "file.txt"));
        assertTrue(NameFold.equalsIgnoreCase("𐐀", "𐐨")); // Deseret, outside the BMP
        assertFalse(NameFold.equalsIgnoreCase("file", "files"));
        assertFalse(NameFold.equalsIgnoreCase("a", "b"));
        assertEquals(NameFold.fold("abc"), NameFold.fold("ABC"));
    }
}
