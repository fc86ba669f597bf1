package org.bossa.vfs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.bossa.smb2.wire.NtStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/**
 * The kernel, not Bossa, refuses what a user may not do: calls made through {@link ShareRoot#as}
 * run with the user's credentials, so mode bits, search permission, the sticky bit and ownership
 * rules apply. Each refusal is checked against the server's view, which may do it, so the tests
 * fail if the switch does nothing. Needs root (CI runs as root); fails, not skips, otherwise.
 */
class KernelPermissionTest {

    static final int UID_A = 61001;
    static final int UID_B = 61002;
    static final int GID_A = 61001;
    static final int GID_B = 61002;
    /** A group B's files can be shared with; A is a member only when given it. */
    static final int GID_G = 61100;
    /** A group A is never in. */
    static final int GID_OTHER = 61200;

    static final FsIdentity A = FsIdentity.of(UID_A, GID_A, List.of());
    static final FsIdentity A_IN_G = FsIdentity.of(UID_A, GID_A, List.of((long) GID_G));
    static final FsIdentity B = FsIdentity.of(UID_B, GID_B, List.of());

    @TempDir
    Path tmp;

    ShareRoot root;
    ShareRoot asA;
    ShareRoot asB;

    @BeforeAll
    static void needsRoot() {
        assertEquals(FsIdentity.Switching.ENABLED, FsIdentity.switching(),
                "these tests need a root JVM with --add-exports java.base/jdk.internal.vm=ALL-UNNAMED");
    }

    @BeforeEach
    void open() throws IOException {
        Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rwxr-xr-x"));
        root = ShareRoot.open(tmp);
        asA = root.as(A);
        asB = root.as(B);
    }

    @AfterEach
    void close() {
        root.close();
    }

    /** A directory owned by {@code uid}/{@code gid} with {@code mode}, made as root. */
    Path dir(String name, int uid, int gid, String mode) throws IOException {
        Path d = Files.createDirectory(tmp.resolve(name));
        chown(d, uid, gid);
        Files.setPosixFilePermissions(d, PosixFilePermissions.fromString(mode));
        return d;
    }

    Path file(String name, int uid, int gid, String mode, String content) throws IOException {
        Path f = Files.writeString(tmp.resolve(name), content);
        chown(f, uid, gid);
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString(mode));
        return f;
    }

    static void chown(Path p, int uid, int gid) throws IOException {
        Files.setAttribute(p, "unix:uid", uid, LinkOption.NOFOLLOW_LINKS);
        Files.setAttribute(p, "unix:gid", gid, LinkOption.NOFOLLOW_LINKS);
    }

    static int attr(Path p, String name) throws IOException {
        return (Integer) Files.getAttribute(p, "unix:" + name, LinkOption.NOFOLLOW_LINKS);
    }

    static void denied(Executable call) {
        VfsException e = assertThrows(VfsException.class, call);
        assertEquals(NtStatus.ACCESS_DENIED, e.status(), e.getMessage());
    }

    static String read(ShareRoot share, String path) {
        try (FileHandle h = share.open(path, OpenMode.read())) {
            byte[] b = new byte[256];
            int n = h.read(0, b, 0, b.length);
            return new String(b, 0, n, StandardCharsets.UTF_8);
        }
    }

    @Test
    void viewsKnowTheirIdentityAndShare() {
        assertSame(FsIdentity.SERVER, root.identity());
        assertEquals(A, asA.identity());
        assertTrue(asA.sameShare(root));
        assertTrue(asA.sameShare(asB));
        assertSame(FsIdentity.SERVER, asA.as(FsIdentity.SERVER).identity());
    }

    @Test
    void traverseIntoAnotherUsersPrivateDirectoryIsRefused() throws IOException {
        dir("bdir", UID_B, GID_B, "rwx------");
        file("bdir/notes.txt", UID_B, GID_B, "rw-r--r--", "bob's notes");

        denied(() -> asA.open("bdir/notes.txt", OpenMode.read()));
        denied(() -> asA.open("bdir/notes.txt", OpenMode.path()));
        denied(() -> asA.resolve(List.of("bdir", "NOTES.TXT")));
        denied(() -> asA.open("bdir", OpenMode.read().directory()));
        assertEquals("bob's notes", read(root, "bdir/notes.txt"));
        assertEquals("bob's notes", read(asB, "bdir/notes.txt"));
        assertEquals("bdir/notes.txt", asB.resolve(List.of("BDIR", "Notes.TXT")));
    }

    @Test
    void modeBitsAndSupplementaryGroupsDecideReading() throws IOException {
        file("private.txt", UID_B, GID_B, "rw-------", "private");
        file("shared.txt", UID_B, GID_G, "rw-r-----", "shared with G");

        denied(() -> read(asA, "private.txt"));
        assertEquals("private", read(root, "private.txt"));
        denied(() -> read(asA, "shared.txt"));
        assertEquals("shared with G", read(root.as(A_IN_G), "shared.txt"));
        // the group only reads: writing stays refused
        denied(() -> root.as(A_IN_G).open("shared.txt", OpenMode.write()));
    }

    @Test
    void filesAndDirectoriesCreatedByAUserBelongToIt() throws IOException {
        dir("adir", UID_A, GID_A, "rwxr-xr-x");
        try (FileHandle f = asA.open("adir/new.txt", OpenMode.readWrite().createNew(0644));
             FileHandle d = asA.mkdir("adir/sub", 0755)) {
            assertEquals(A, f.identity());
            assertEquals(A, d.identity());
            assertEquals(UID_A, f.stat().uid());
            assertEquals(GID_A, f.stat().gid());
            assertEquals(UID_A, d.stat().uid());
        }
        assertEquals(UID_A, attr(tmp.resolve("adir/new.txt"), "uid"));
        assertEquals(GID_A, attr(tmp.resolve("adir/new.txt"), "gid"));
        assertEquals(UID_A, attr(tmp.resolve("adir/sub"), "uid"));
        assertEquals(GID_A, attr(tmp.resolve("adir/sub"), "gid"));
        // and A may not create in the share root, which is root's 0755
        denied(() -> asA.open("top.txt", OpenMode.readWrite().createNew(0644)));
        denied(() -> asA.mkdir("topdir", 0755));
        assertFalse(Files.exists(tmp.resolve("top.txt")));
    }

    @Test
    void renameOntoAFileInAnotherUsersPrivateDirectoryIsRefused() throws IOException {
        dir("adir", UID_A, GID_A, "rwxr-xr-x");
        file("adir/mine.txt", UID_A, GID_A, "rw-r--r--", "mine");
        dir("bdir", UID_B, GID_B, "rwx------");
        file("bdir/target.txt", UID_B, GID_B, "rw-rw-rw-", "target");

        denied(() -> asA.rename("adir/mine.txt", "bdir/target.txt", true));
        denied(() -> asA.link("adir/mine.txt", "bdir/link.txt"));
        assertEquals("target", Files.readString(tmp.resolve("bdir/target.txt")));
        assertEquals("mine", Files.readString(tmp.resolve("adir/mine.txt")));
    }

    @Test
    void stickyDirectoryProtectsOtherUsersFiles() throws IOException {
        dir("pub", 0, 0, "rwxrwxrwx");
        Files.setAttribute(tmp.resolve("pub"), "unix:mode", 01777);
        try (FileHandle h = asB.open("pub/b.txt", OpenMode.write().createNew(0666))) {
            h.write(0, "b's".getBytes(StandardCharsets.UTF_8), 0, 3);
        }
        try (FileHandle h = asA.open("pub/a.txt", OpenMode.write().createNew(0666))) {
            h.write(0, "a's".getBytes(StandardCharsets.UTF_8), 0, 3);
        }

        denied(() -> asA.rename("pub/a.txt", "pub/b.txt", true));
        denied(() -> asA.unlink("pub/b.txt", false));
        denied(() -> asA.rename("pub/b.txt", "pub/stolen.txt", false));
        assertEquals("b's", Files.readString(tmp.resolve("pub/b.txt")));
        assertEquals(UID_B, attr(tmp.resolve("pub/b.txt"), "uid"));
        // A's own file in the same directory is A's to remove
        asA.unlink("pub/a.txt", false);
        assertFalse(Files.exists(tmp.resolve("pub/a.txt")));
    }

    @Test
    void aUserCannotGiveAFileAwayNorKeepSetgidOnAForeignGroup() throws IOException {
        dir("adir", UID_A, GID_A, "rwxr-xr-x");
        file("adir/tool", UID_A, GID_OTHER, "rwxr-xr-x", "#!/bin/sh\n");
        Path tool = tmp.resolve("adir/tool");

        try (FileHandle h = asA.open("adir/tool", OpenMode.path())) {
            denied(() -> h.chown(0, -1));
            denied(() -> h.chown(UID_B, -1));
            denied(() -> h.chown(-1, 0));
            assertEquals(UID_A, attr(tool, "uid"));
            assertEquals(GID_OTHER, attr(tool, "gid"));

            // the owner may chmod, but the kernel drops setgid for a group the caller is not in
            h.chmod(06755);
            int mode = attr(tool, "mode");
            assertEquals(0, mode & 02000, "setgid kept: " + Integer.toOctalString(mode));
            assertEquals(UID_A, attr(tool, "uid"), "setuid, if kept, is A's own uid");
        }
        // the server's view keeps both bits: the refusal above is the switch, not the filesystem
        try (FileHandle h = root.open("adir/tool", OpenMode.path())) {
            h.chmod(06755);
        }
        assertEquals(06000, attr(tool, "mode") & 06000);

        // someone else's file: no chmod, no chown at all
        file("bfile", UID_B, GID_B, "rw-r--r--", "b");
        try (FileHandle h = asA.open("bfile", OpenMode.path())) {
            denied(() -> h.chmod(0777));
            denied(() -> h.chown(UID_A, GID_A));
        }
        assertEquals(0644, attr(tmp.resolve("bfile"), "mode") & 07777);
        assertEquals(UID_B, attr(tmp.resolve("bfile"), "uid"));
    }

    @Test
    void handlesKeepTheirIdentityForEveryCall() throws IOException {
        file("bpriv.txt", UID_B, GID_B, "rw-------", "secret");
        dir("bdir", UID_B, GID_B, "rwx------");
        try (FileHandle p = asA.open("bpriv.txt", OpenMode.path())) {
            denied(() -> p.reopen(OpenMode.read()));
            denied(() -> p.setXattr("user.test", new byte[] {1}));
            denied(() -> p.setTimes(0L, 0L));
        }
        try (FileHandle top = asA.open(".", OpenMode.read().directory());
             DirectoryReader r = top.list()) {
            assertEquals(UID_B, top.statAt("bdir").uid());
            assertEquals(UID_B, r.statEntry("bpriv.txt").uid());
        }
        try (FileHandle p = root.open("bpriv.txt", OpenMode.path());
             FileHandle r = p.reopen(OpenMode.read())) {
            assertEquals(6, r.stat().size());
        }
        try (FileHandle d = root.open("bdir", OpenMode.path().directory())) {
            assertEquals(0, countEntries(d));
        }
        try (FileHandle d = asB.open("bdir", OpenMode.path().directory())) {
            assertEquals(0, countEntries(d));
        }
        try (FileHandle d = asA.open("bdir", OpenMode.path().directory())) {
            denied(d::list);
        }
        assertArrayEquals("secret".getBytes(StandardCharsets.UTF_8), Files.readAllBytes(tmp.resolve("bpriv.txt")));
    }

    /**
     * Calls that go through /proc/self/fd/N (reopen, and xattrs, times and mode on O_PATH handles)
     * work for the file's owner: the switched thread still reaches its own process's descriptors.
     */
    @Test
    void procFdPathsWorkForTheOwner() throws IOException {
        dir("adir", UID_A, GID_A, "rwxr-xr-x");
        file("adir/own.txt", UID_A, GID_A, "rw-------", "own");
        try (FileHandle p = asA.open("adir/own.txt", OpenMode.path())) {
            try (FileHandle r = p.reopen(OpenMode.read())) {
                assertEquals(3, r.stat().size());
            }
            p.setTimes(1_000_000_000L, 2_000_000_000L);
            p.chmod(0640);
            p.setXattr("user.bossa", new byte[] {7});
            assertArrayEquals(new byte[] {7}, p.getXattr("user.bossa"));
            assertTrue(p.listXattrs().contains("user.bossa"));
            p.removeXattr("user.bossa");
        }
        assertEquals(0640, attr(tmp.resolve("adir/own.txt"), "mode") & 07777);
        assertEquals(2L, Files.getLastModifiedTime(tmp.resolve("adir/own.txt")).toMillis() / 1000);
    }

    static int countEntries(FileHandle dir) {
        int n = 0;
        try (DirectoryReader r = dir.list()) {
            while (r.next() != null) {
                n++;
            }
        }
        return n;
    }
}
