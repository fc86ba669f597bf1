package org.bossa.vfs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.bossa.smb2.wire.NtStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/** Nothing a client names may reach outside the share, whatever the share contains. */
class ContainmentTest {

    @TempDir
    Path tmp;

    Path shareDir;
    Path outside;
    ShareRoot share;
    Map<String, String> outsideBefore;

    @BeforeEach
    void setUp() throws IOException {
        shareDir = Files.createDirectory(tmp.resolve("share"));
        outside = Files.createDirectory(tmp.resolve("outside"));
        Files.writeString(outside.resolve("secret"), "secret");
        Files.createDirectory(outside.resolve("sub"));
        Files.writeString(outside.resolve("sub/file"), "outside file");
        Files.createDirectories(shareDir.resolve("a/b"));
        Files.writeString(shareDir.resolve("a/b/file"), "inside file");
        share = ShareRoot.open(shareDir);
        outsideBefore = snapshot(outside);
    }

    @AfterEach
    void tearDown() throws IOException {
        share.close();
        assertEquals(outsideBefore, snapshot(outside), "nothing outside the share changed");
        try (Stream<Path> s = Files.list(tmp)) {
            assertEquals(List.of("outside", "share"), s.map(p -> p.getFileName().toString()).sorted().toList());
        }
    }

    private static Map<String, String> snapshot(Path dir) throws IOException {
        Map<String, String> m = new TreeMap<>();
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.toList()) {
                String v = Files.isRegularFile(p)
                        ? Files.readString(p) + "|" + Files.getLastModifiedTime(p) + "|" + Files.getAttribute(p, "unix:mode")
                        : "dir|" + Files.getAttribute(p, "unix:mode");
                m.put(dir.relativize(p).toString(), v);
            }
        }
        return m;
    }

    private static void denied(Executable call) {
        VfsException e = assertThrows(VfsException.class, call);
        assertTrue(e.status() == NtStatus.ACCESS_DENIED || e.status() == NtStatus.OBJECT_NAME_INVALID,
                "unexpected " + e.status() + ": " + e.getMessage());
    }

    @Test
    void dotDotAndAbsolutePathsRefusedByResolve() {
        for (List<String> bad : List.of(List.of(".."), List.of("a", "..", "..", "etc"), List.of("/etc/passwd"),
                List.of("a", "../../outside"))) {
            VfsException e = assertThrows(VfsException.class, () -> share.resolve(bad));
            assertEquals(NtStatus.OBJECT_NAME_INVALID, e.status());
        }
    }

    @Test
    void dotDotAndAbsolutePathsRefusedByKernel() {
        // open() does not parse paths: the kernel (RESOLVE_BENEATH) is what refuses these
        for (String bad : List.of("..", "../outside/secret", "a/../../outside/secret", "a/b/../../../outside/sub/file",
                "/etc/passwd", tmp.resolve("outside/secret").toString())) {
            VfsException e = assertThrows(VfsException.class, () -> share.open(bad, OpenMode.read()));
            assertEquals(NtStatus.ACCESS_DENIED, e.status(), bad);
            assertEquals(18, e.errno(), "EXDEV");
            denied(() -> share.open(bad, OpenMode.path()));
        }
        denied(() -> share.open("../outside/new", OpenMode.readWrite().createNew(0644)));
        denied(() -> share.open("../outside/secret", OpenMode.write().truncate()));
        denied(() -> share.mkdir("../outside/newdir", 0755));
        denied(() -> share.unlink("../outside/secret", false));
        denied(() -> share.unlink("../outside/sub", true));
        denied(() -> share.rename("../outside/secret", "stolen", false));
        denied(() -> share.rename("a/b/file", "../outside/dropped", false));
        denied(() -> share.link("../outside/secret", "hardlink"));
    }

    @Test
    void dotDotStayingInsideIsFine() throws Exception {
        try (FileHandle h = share.open("a/b/../b/file", OpenMode.read())) {
            assertEquals(11, h.stat().size());
        }
    }

    @Test
    void symlinkToAbsoluteOutsideRefused() throws Exception {
        Files.createSymbolicLink(shareDir.resolve("etc"), Path.of("/etc"));
        Files.createSymbolicLink(shareDir.resolve("out"), outside);
        Files.createSymbolicLink(shareDir.resolve("secretlink"), outside.resolve("secret"));
        denied(() -> share.open("etc/passwd", OpenMode.read()));
        denied(() -> share.open("etc", OpenMode.path().directory()));
        denied(() -> share.open("out/secret", OpenMode.readWrite()));
        denied(() -> share.open("out/new", OpenMode.readWrite().createNew(0644)));
        denied(() -> share.open("secretlink", OpenMode.read()));
        denied(() -> share.open("secretlink", OpenMode.write().truncate()));
        denied(() -> share.mkdir("out/newdir", 0755));
        denied(() -> share.unlink("out/secret", false));
        denied(() -> share.rename("out/secret", "stolen", true));
        denied(() -> share.resolve(List.of("OUT", "secret")));
        // the link itself may be inspected, not followed
        try (FileHandle l = share.open("etc", OpenMode.path().noFollow())) {
            assertTrue(l.stat().isSymlink());
            denied(() -> l.reopen(OpenMode.read()).close());
        }
    }

    @Test
    void relativeSymlinkEscapingRefused() throws Exception {
        Files.createSymbolicLink(shareDir.resolve("up"), Path.of("../outside"));
        Files.createSymbolicLink(shareDir.resolve("a/b/deep"), Path.of("../../../outside/secret"));
        denied(() -> share.open("up/secret", OpenMode.read()));
        denied(() -> share.open("up/sub/file", OpenMode.write()));
        denied(() -> share.open("a/b/deep", OpenMode.read()));
        denied(() -> share.open("up/created", OpenMode.readWrite().create(0644)));
        VfsException e = assertThrows(VfsException.class, () -> share.resolve(List.of("up", "secret")));
        assertEquals(NtStatus.ACCESS_DENIED, e.status());
    }

    @Test
    void symlinkInsideShareFollowed() throws Exception {
        Files.createSymbolicLink(shareDir.resolve("shortcut"), Path.of("a/b"));
        Files.createSymbolicLink(shareDir.resolve("a/b/sibling"), Path.of("../b/file"));
        try (FileHandle h = share.open("shortcut/file", OpenMode.read())) {
            byte[] b = new byte[32];
            assertEquals("inside file", new String(b, 0, h.read(0, b, 0, 32), StandardCharsets.UTF_8));
        }
        try (FileHandle h = share.open("a/b/sibling", OpenMode.read())) {
            assertEquals(11, h.stat().size());
        }
        assertEquals("shortcut/file", share.resolve(List.of("SHORTCUT", "FILE")));
    }

    @Test
    void symlinkSwappedInAfterResolveRefused() throws Exception {
        String rel = share.resolve(List.of("A", "B", "FILE"));
        assertEquals("a/b/file", rel);
        // an attacker with local access replaces the directory with a link to outside
        Files.move(shareDir.resolve("a/b"), shareDir.resolve("a/b-moved"));
        Files.createSymbolicLink(shareDir.resolve("a/b"), outside.resolve("sub"));
        Files.writeString(outside.resolve("sub/file"), "outside file"); // same content, re-written identically
        outsideBefore = snapshot(outside);
        denied(() -> share.open(rel, OpenMode.read()));
        denied(() -> share.open(rel, OpenMode.write().truncate()));
        denied(() -> share.open(rel, OpenMode.path()));
        denied(() -> share.unlink(rel, false));
        denied(() -> share.rename(rel, "a/got", true));
        denied(() -> share.rename("a/b-moved/file", rel, true));

        // and a relative one swapped in for the parent
        Files.delete(shareDir.resolve("a/b"));
        Files.createSymbolicLink(shareDir.resolve("a/b"), Path.of("../../outside/sub"));
        denied(() -> share.open(rel, OpenMode.readWrite()));
        denied(() -> share.open("a/b/newfile", OpenMode.readWrite().createNew(0600)));
        denied(() -> share.mkdir("a/b/newdir", 0700));
    }

    @Test
    void procMagicLinksRefused() throws Exception {
        // a symlink inside the share to /proc/self/root would lead to "/"; RESOLVE_BENEATH stops the
        // absolute target and RESOLVE_NO_MAGICLINKS any magic link reached otherwise
        Files.createSymbolicLink(shareDir.resolve("root"), Path.of("/proc/self/root"));
        denied(() -> share.open("root/etc/passwd", OpenMode.read()));
    }
}
