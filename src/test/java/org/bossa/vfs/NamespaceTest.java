package org.bossa.vfs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.bossa.smb2.wire.NtStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NamespaceTest {

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

    private static NtStatus status(org.junit.jupiter.api.function.Executable call) {
        return assertThrows(VfsException.class, call).status();
    }

    @Test
    void mkdirAndCollisions() throws Exception {
        try (FileHandle d = share.mkdir("dir", 0750)) {
            assertTrue(d.created());
            FileStat st = d.stat();
            assertTrue(st.isDirectory());
            assertEquals(0, st.permissions() & ~0750, "the umask can only remove bits");
            assertEquals(0700, st.permissions() & 0700);
        }
        assertTrue(Files.isDirectory(tmp.resolve("dir")));
        share.mkdir("dir/sub", 0755).close();
        assertEquals(NtStatus.OBJECT_NAME_COLLISION, status(() -> share.mkdir("dir", 0755)));
        assertEquals(NtStatus.OBJECT_PATH_NOT_FOUND, status(() -> share.mkdir("nope/sub", 0755)));
        assertEquals(NtStatus.OBJECT_NAME_INVALID, status(() -> share.mkdir("dir/..", 0755)));
        assertEquals(NtStatus.OBJECT_NAME_INVALID, status(() -> share.mkdir("dir/", 0755)));
        assertEquals(NtStatus.OBJECT_NAME_INVALID, status(() -> share.mkdir("", 0755)));
    }

    @Test
    void unlinkFilesAndDirectories() throws Exception {
        share.mkdir("d", 0755).close();
        share.open("d/f", OpenMode.write().createNew(0644)).close();
        assertEquals(NtStatus.DIRECTORY_NOT_EMPTY, status(() -> share.unlink("d", true)));
        assertEquals(NtStatus.FILE_IS_A_DIRECTORY, status(() -> share.unlink("d", false)));
        assertEquals(NtStatus.NOT_A_DIRECTORY, status(() -> share.unlink("d/f", true)));
        assertEquals(NtStatus.OBJECT_NAME_NOT_FOUND, status(() -> share.unlink("d/missing", false)));
        assertEquals(NtStatus.OBJECT_PATH_NOT_FOUND, status(() -> share.unlink("missing/f", false)));
        share.unlink("d/f", false);
        share.unlink("d", true);
        assertFalse(Files.exists(tmp.resolve("d")));
        // unlinking a symlink removes the link, never its target
        Files.writeString(tmp.resolve("target"), "t");
        Files.createSymbolicLink(tmp.resolve("ln"), Path.of("target"));
        share.unlink("ln", false);
        assertTrue(Files.exists(tmp.resolve("target")));
    }

    @Test
    void renameWithAndWithoutReplace() throws Exception {
        Files.writeString(tmp.resolve("a"), "A");
        Files.writeString(tmp.resolve("b"), "B");
        assertEquals(NtStatus.OBJECT_NAME_COLLISION, status(() -> share.rename("a", "b", false)));
        assertEquals("A", Files.readString(tmp.resolve("a")));
        assertEquals("B", Files.readString(tmp.resolve("b")));
        share.rename("a", "b", true);
        assertFalse(Files.exists(tmp.resolve("a")));
        assertEquals("A", Files.readString(tmp.resolve("b")));

        share.mkdir("dir", 0755).close();
        share.rename("b", "dir/c", false);
        assertEquals("A", Files.readString(tmp.resolve("dir/c")));
        share.rename("dir", "renamed", false);
        assertTrue(Files.isDirectory(tmp.resolve("renamed")));
        // case-only rename of the same file
        share.rename("renamed/c", "renamed/C", false);
        assertTrue(Files.exists(tmp.resolve("renamed/C")));

        assertEquals(NtStatus.OBJECT_NAME_NOT_FOUND, status(() -> share.rename("missing", "x", false)));
        assertEquals(NtStatus.OBJECT_PATH_NOT_FOUND, status(() -> share.rename("renamed/C", "nodir/x", false)));
        share.mkdir("full", 0755).close();
        Files.writeString(tmp.resolve("full/f"), "");
        share.mkdir("other", 0755).close();
        assertEquals(NtStatus.DIRECTORY_NOT_EMPTY, status(() -> share.rename("other", "full", true)));
        assertEquals(NtStatus.INVALID_PARAMETER, status(() -> share.rename("full", "full/f2", false)));
    }

    @Test
    void openHandleSurvivesRename() throws Exception {
        try (FileHandle h = share.open("moving", OpenMode.readWrite().createNew(0644))) {
            share.rename("moving", "moved", false);
            h.write(0, new byte[] {42}, 0, 1);
            assertEquals(1, Files.size(tmp.resolve("moved")));
        }
    }

    @Test
    void hardLink() throws Exception {
        Files.writeString(tmp.resolve("orig"), "o");
        share.link("orig", "alias");
        try (FileHandle h = share.open("alias", OpenMode.path())) {
            assertEquals(2, h.stat().nlink());
        }
        assertEquals(NtStatus.OBJECT_NAME_COLLISION, status(() -> share.link("orig", "alias")));
    }
}
