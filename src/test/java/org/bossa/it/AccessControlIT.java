package org.bossa.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import com.sun.security.auth.module.UnixSystem;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two local users, alice (uid and gid 20001) and bob (uid and gid 20002), and the holes a
 * review found in a server that ran every file call as root and checked only what it derived from
 * the file's own mode: traverse into another user's private folder, replacing another user's file
 * by rename, giving a file to root, and a POSIX ACL only the kernel evaluates. Driven by Samba's
 * own smbclient and smbcacls.
 *
 * <p>The share holds {@code bob/} (0700, bob's) with {@code notes.txt} (0644), {@code tmp/} (1777,
 * root's) with bob's {@code tmp/bobs.txt}, and alice's own files.
 */
class AccessControlIT {
    private static final int ALICE_UID = 20001;
    private static final int ALICE_GID = 20001;
    private static final int BOB_UID = 20002;
    private static final int BOB_GID = 20002;
    private static final String NOTES = "bob's private notes\n";
    private static final String HOST = "127.0.0.9";
    private static TestServer server;

    @BeforeAll
    static void start() throws IOException {
        requireRoot();
        // smbcacls cannot be told a port: it dials 445, so this server listens on a loopback
        // address of its own (all of 127/8 is local on Linux; the DC and members use .2 to .4)
        server = TestServer.builder().listen(HOST, 445).start();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @BeforeEach
    void layout() throws IOException, InterruptedException {
        Path share = server.shareDir();
        clear(share);
        Path bob = Files.createDirectory(share.resolve("bob"));
        Path notes = Files.writeString(bob.resolve("notes.txt"), NOTES);
        own(notes, BOB_UID, BOB_GID, "rw-r--r--");
        own(bob, BOB_UID, BOB_GID, "rwx------");
        Path tmp = Files.createDirectory(share.resolve("tmp"));
        Path bobs = Files.writeString(tmp.resolve("bobs.txt"), NOTES);
        own(bobs, BOB_UID, BOB_GID, "rw-r--r--");
        run(List.of("chmod", "1777", tmp.toString()));
        Path mine = Files.writeString(share.resolve("alice.txt"), "alice's file\n");
        own(mine, ALICE_UID, ALICE_GID, "rw-r--r--");
    }

    // ---------------------------------------------------------------- traverse

    @Test
    void aFileInsideAnotherUsersPrivateFolderCannotBeRead() throws IOException {
        Smbclient.Result r = smbclient("alice", TestServer.ALICE_PASSWORD, "get bob\\notes.txt /dev/stdout");
        assertThat(r.output()).contains("NT_STATUS_ACCESS_DENIED").doesNotContain(NOTES.trim());
        // the owner still reads it: the refusal is the folder's mode, not a broken share
        assertThat(fetchAs("bob", TestServer.BOB_PASSWORD, "bob\\notes.txt")).isEqualTo(NOTES);
    }

    @Test
    void aFolderWithoutSearchPermissionCannotBeListed() {
        Smbclient.Result r = smbclient("alice", TestServer.ALICE_PASSWORD, "ls bob\\*");
        assertThat(r.output()).contains("NT_STATUS_ACCESS_DENIED").doesNotContain("notes.txt");
    }

    // ---------------------------------------------------------------- rename onto someone else's file

    @Test
    void renameWithReplaceIntoAnotherUsersPrivateFolderIsRefused() throws IOException {
        Smbclient.Result r = smbclient("alice", TestServer.ALICE_PASSWORD, "rename alice.txt bob\\notes.txt -f");
        assertThat(r.output()).contains("NT_STATUS_ACCESS_DENIED");
        assertThat(Files.readString(server.shareDir().resolve("bob/notes.txt"))).isEqualTo(NOTES);
        assertThat(server.shareDir().resolve("alice.txt")).exists();
    }

    @Test
    void renameWithReplaceOntoAnotherUsersFileInAStickyFolderIsRefused() throws IOException {
        Smbclient.Result r = smbclient("alice", TestServer.ALICE_PASSWORD, "rename alice.txt tmp\\bobs.txt -f");
        assertThat(r.output()).contains("NT_STATUS_ACCESS_DENIED");
        Path bobs = server.shareDir().resolve("tmp/bobs.txt");
        assertThat(Files.readString(bobs)).isEqualTo(NOTES);
        assertThat(Files.getAttribute(bobs, "unix:uid")).isEqualTo(BOB_UID);
        assertThat(server.shareDir().resolve("alice.txt")).exists();
    }

    @Test
    void renameWithinTheUsersOwnFolderStillWorks() throws IOException {
        Smbclient.Result r = smbclient("alice", TestServer.ALICE_PASSWORD, "rename alice.txt renamed.txt");
        assertThat(r.exitCode()).as("%s", r).isZero();
        assertThat(server.shareDir().resolve("renamed.txt")).exists();
    }

    // ---------------------------------------------------------------- owner and group

    @Test
    void ownerCannotBeSetToRoot() throws IOException {
        Path file = server.shareDir().resolve("alice.txt");
        Smbclient.Result r = smbcacls("alice", TestServer.ALICE_PASSWORD, "alice.txt", "--chown", "S-1-22-1-0");
        assertThat(r.output()).contains("NT_STATUS_INVALID_OWNER");
        assertThat(Files.getAttribute(file, "unix:uid")).isEqualTo(ALICE_UID);
    }

    @Test
    void ownerCannotBeSetToAnotherUser() throws IOException {
        Path file = server.shareDir().resolve("alice.txt");
        Smbclient.Result r = smbcacls("alice", TestServer.ALICE_PASSWORD, "alice.txt", "--chown", "S-1-22-1-" + BOB_UID);
        assertThat(r.output()).contains("NT_STATUS_INVALID_OWNER");
        assertThat(Files.getAttribute(file, "unix:uid")).isEqualTo(ALICE_UID);
    }

    @Test
    void groupCannotBeSetToAGroupTheUserIsNotIn() throws IOException {
        Path file = server.shareDir().resolve("alice.txt");
        Smbclient.Result r = smbcacls("alice", TestServer.ALICE_PASSWORD, "alice.txt", "--chgrp", "S-1-22-2-0");
        assertThat(r.output()).contains("NT_STATUS_INVALID_OWNER");
        assertThat(Files.getAttribute(file, "unix:gid")).isEqualTo(ALICE_GID);
    }

    @Test
    void aSetuidFileCannotBeGivenToRootAndKeepsItsMode() throws IOException, InterruptedException {
        Path file = server.shareDir().resolve("tool");
        Files.write(file, new byte[] {0x7f, 'E', 'L', 'F'});
        Files.setAttribute(file, "unix:uid", ALICE_UID);
        Files.setAttribute(file, "unix:gid", ALICE_GID);
        run(List.of("chmod", "4755", file.toString()));
        Smbclient.Result r = smbcacls("alice", TestServer.ALICE_PASSWORD, "tool", "--chown", "S-1-22-1-0");
        assertThat(r.output()).contains("NT_STATUS_INVALID_OWNER");
        assertThat(Files.getAttribute(file, "unix:uid")).isEqualTo(ALICE_UID);
        assertThat((int) Files.getAttribute(file, "unix:mode") & 07777).isEqualTo(04755);
    }

    @Test
    void theOwnerMayStillSetItselfAsOwner() throws IOException {
        Smbclient.Result r = smbcacls("alice", TestServer.ALICE_PASSWORD, "alice.txt", "--chown", "S-1-22-1-" + ALICE_UID);
        assertThat(r.exitCode()).as("%s", r).isZero();
        assertThat(Files.getAttribute(server.shareDir().resolve("alice.txt"), "unix:uid")).isEqualTo(ALICE_UID);
    }

    // ---------------------------------------------------------------- the kernel's own check

    /**
     * bob's file is 0644, so a check of the mode bits alone lets alice ("other") read it; a POSIX ACL
     * entry gives alice no access, and only the kernel evaluates ACLs. A server that reads the file
     * as root shows alice its content; one that reads as alice gets EACCES from the kernel.
     */
    @Test
    void aPosixAclDenyingTheUserIsEnforcedByTheKernel() throws IOException, InterruptedException {
        Path file = Files.writeString(server.shareDir().resolve("acl.txt"), NOTES);
        own(file, BOB_UID, BOB_GID, "rw-r--r--");
        run(List.of("setfacl", "-m", "u:" + ALICE_UID + ":---", file.toString()));
        Smbclient.Result r = smbclient("alice", TestServer.ALICE_PASSWORD, "get acl.txt /dev/stdout");
        assertThat(r.output()).contains("NT_STATUS_ACCESS_DENIED").doesNotContain(NOTES.trim());
        assertThat(fetchAs("bob", TestServer.BOB_PASSWORD, "acl.txt")).isEqualTo(NOTES);
    }

    @Test
    void filesAUserCreatesAreTheUsersOnDisk() throws IOException {
        Path local = Files.createTempFile("bossa-put-", ".txt");
        try {
            Files.writeString(local, "new\n");
            Smbclient.Result r = smbclient("bob", TestServer.BOB_PASSWORD, "put " + local + " made-by-bob.txt; mkdir bobdir");
            assertThat(r.exitCode()).as("%s", r).isZero();
            for (String name : List.of("made-by-bob.txt", "bobdir")) {
                Path p = server.shareDir().resolve(name);
                assertThat(Files.getAttribute(p, "unix:uid", LinkOption.NOFOLLOW_LINKS)).as(name).isEqualTo(BOB_UID);
                assertThat(Files.getAttribute(p, "unix:gid", LinkOption.NOFOLLOW_LINKS)).as(name).isEqualTo(BOB_GID);
            }
        } finally {
            Files.deleteIfExists(local);
        }
    }

    // ---------------------------------------------------------------- helpers

    private static Smbclient.Result smbclient(String user, String password, String commands) {
        List<String> a = Smbclient.base(server, null, user, password);
        a.add("//" + server.host() + "/share");
        a.add("-c");
        a.add(commands);
        return Smbclient.run(a, Duration.ofSeconds(60));
    }

    /** The content of {@code name} as {@code user} reads it (the owner's positive control). */
    private static String fetchAs(String user, String password, String name) throws IOException {
        Path local = Files.createTempFile("bossa-get-", ".txt");
        try {
            Smbclient.Result r = smbclient(user, password, "get " + name + " " + local);
            assertThat(r.exitCode()).as("%s", r).isZero();
            return Files.readString(local);
        } finally {
            Files.deleteIfExists(local);
        }
    }

    private static Smbclient.Result smbcacls(String user, String password, String file, String... args) {
        List<String> a = new ArrayList<>(List.of("/usr/bin/smbcacls", "-s", "/dev/null",
                "-U", user + "%" + password, "--numeric"));
        a.add("//" + server.host() + "/share");
        a.add(file);
        a.addAll(List.of(args));
        return Smbclient.run(a, Duration.ofSeconds(60));
    }

    private static void own(Path p, int uid, int gid, String perms) throws IOException {
        Files.setAttribute(p, "unix:uid", uid, LinkOption.NOFOLLOW_LINKS);
        Files.setAttribute(p, "unix:gid", gid, LinkOption.NOFOLLOW_LINKS);
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(perms));
    }

    private static void clear(Path share) throws IOException {
        try (var s = Files.list(share)) {
            for (Path p : s.toList()) {
                TestServer.deleteTree(p);
            }
        }
    }

    private static void run(List<String> cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as("%s: %s", cmd, out).isZero();
    }

    /** These tests create files for other uids: they need root, as the server they test does. */
    private static void requireRoot() {
        assertThat(new UnixSystem().getUid())
                .as("AccessControlIT runs as root (CI does): it creates files owned by other users").isZero();
    }
}
