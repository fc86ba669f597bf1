package org.bossa.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.TreeMap;
import java.util.stream.Stream;
import jcifs.CIFSContext;
import jcifs.DialectVersion;
import org.bossa.smb2.wire.FileId;
import org.bossa.smb2.wire.NtStatus;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/**
 * What every hostile-client test shares: one server, and after every case the proof that it
 * survived: a fresh jcifs-ng client is still served, and nothing in the sentinel directory next to
 * the shares (nor /etc/passwd) was created, changed or removed.
 */
abstract class HostileClientFixture {
    static final String HELLO = "hello.txt";
    static TestServer server;
    private static byte[] etcPasswd;
    private Snapshot before;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.start();
        Files.writeString(server.shareDir().resolve(HELLO), "hello\n");
        etcPasswd = Files.readAllBytes(Path.of("/etc/passwd"));
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @BeforeEach
    void snapshot() throws IOException {
        before = Snapshot.of(server);
    }

    /** After every hostile case: a fresh, normal client is served, and nothing outside the shares moved. */
    @AfterEach
    void serverStillServesAndNothingOutsideChanged() throws Exception {
        CIFSContext ctx = Jcifs.alice(DialectVersion.SMB210, DialectVersion.SMB311);
        try {
            assertThat(Jcifs.file(ctx, server, "share/").list()).contains(HELLO);
            try (var in = Jcifs.file(ctx, server, "share/" + HELLO).getInputStream()) {
                assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("hello\n");
            }
        } finally {
            Jcifs.closeQuietly(ctx);
        }
        assertThat(Snapshot.of(server)).as("sentinel directory and share parent unchanged").isEqualTo(before);
        assertThat(Files.readAllBytes(Path.of("/etc/passwd"))).isEqualTo(etcPasswd);
    }


    // ---------------------------------------------------------------- helpers

    /**
     * The open failed with one of {@code allowed}; if it nevertheless succeeded, the test fails and
     * says what the server let the client read.
     */
    static void assertRefusedWithoutContent(RawSmbClient c, RawSmbClient.Response r, NtStatus... allowed)
            throws IOException {
        if (r.rawStatus() == NtStatus.SUCCESS.code()) {
            FileId id = RawSmbClient.fileId(r);
            NtStatus[] st = new NtStatus[1];
            byte[] data = c.read(id, 4096, st);
            c.close(id);
            throw new AssertionError("open succeeded; READ gave " + st[0] + ": "
                    + (data == null ? "nothing" : new String(data, 0, Math.min(data.length, 120), StandardCharsets.UTF_8)));
        }
        assertThat(NtStatus.fromCode(r.rawStatus())).as("status 0x%08x", r.rawStatus())
                .hasValueSatisfying(s -> assertThat(s).isIn((Object[]) allowed));
    }

    static void assertStatus(RawSmbClient.Response r, NtStatus expected) {
        assertThat(r.rawStatus()).as("expected %s, got 0x%08x %s", expected, r.rawStatus(),
                NtStatus.fromCode(r.rawStatus()).map(Enum::name).orElse("")).isEqualTo(expected.code());
    }

    /** The same connection still answers: ECHO, and an ordinary open and read of hello.txt. */
    static void assertStillServes(RawSmbClient c) throws IOException {
        assertStatus(c.echo(), NtStatus.SUCCESS);
        RawSmbClient.Response r = c.openForRead(HELLO);
        assertStatus(r, NtStatus.SUCCESS);
        FileId id = RawSmbClient.fileId(r);
        NtStatus[] st = new NtStatus[1];
        assertThat(c.read(id, 100, st)).as("read status %s", st[0]).isEqualTo("hello\n".getBytes(StandardCharsets.UTF_8));
        assertStatus(c.close(id), NtStatus.SUCCESS);
    }

    /** Names, sizes, modification times and contents of the sentinel directory, and the share parent's listing. */
    record Snapshot(TreeMap<String, String> outside, List<String> base, String outsideDirTimes) {
        static Snapshot of(TestServer s) throws IOException {
            TreeMap<String, String> out = new TreeMap<>();
            try (Stream<Path> files = Files.list(s.outsideDir())) {
                for (Path p : files.toList()) {
                    BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                    String content = a.isRegularFile() ? Files.readString(p) : "";
                    out.put(p.getFileName().toString(), a.size() + " " + a.lastModifiedTime() + " " + content);
                }
            }
            List<String> base;
            try (Stream<Path> files = Files.list(s.baseDir())) {
                base = files.map(p -> p.getFileName().toString()).sorted().toList();
            }
            BasicFileAttributes d = Files.readAttributes(s.outsideDir(), BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            return new Snapshot(out, base, d.lastModifiedTime() + " " + Files.getAttribute(s.outsideDir(), "unix:ctime",
                    LinkOption.NOFOLLOW_LINKS));
        }
    }
}
