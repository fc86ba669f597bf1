package org.bossa.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Arrays;
import java.util.Random;
import jcifs.CIFSContext;
import jcifs.DialectVersion;
import jcifs.smb.NtStatus;
import jcifs.smb.SmbAuthException;
import jcifs.smb.SmbFile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Proves that an independent SMB2/3 client (jcifs-ng, in this JVM) can use the real server end to
 * end over every dialect it speaks: a 1 MiB random file written and read back byte-identical (and
 * identical on disk), directory listing, mkdir/rename/delete reflected on disk, DOS attributes and
 * times round-tripping, a wrong password refused with STATUS_LOGON_FAILURE, and a signing-required
 * server serving a client that enforces signing.
 */
class JcifsRoundTripIT {
    private static TestServer server;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.start();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = DialectVersion.class, names = {"SMB202", "SMB210", "SMB300", "SMB302", "SMB311"})
    void writesAndReadsBackOneMebibyte(DialectVersion dialect) throws Exception {
        byte[] data = new byte[1 << 20];
        new Random(dialect.ordinal()).nextBytes(data);
        String name = "rt-" + dialect + ".bin";
        CIFSContext ctx = Jcifs.alice(dialect, dialect);
        try {
            SmbFile f = Jcifs.file(ctx, server, "share/" + name);
            try (OutputStream out = f.getOutputStream()) {
                out.write(data);
            }
            assertThat(Jcifs.negotiatedDialect(f)).isEqualTo(dialect);
            byte[] back;
            try (InputStream in = Jcifs.file(ctx, server, "share/" + name).getInputStream()) {
                back = in.readAllBytes();
            }
            assertThat(back.length).isEqualTo(data.length);
            assertThat(Arrays.equals(back, data)).as("bytes read back equal bytes written").isTrue();
            assertThat(Files.readAllBytes(server.shareDir().resolve(name))).isEqualTo(data);
            assertThat(Jcifs.file(ctx, server, "share/" + name).length()).isEqualTo(data.length);
        } finally {
            Jcifs.closeQuietly(ctx);
        }
    }

    @Test
    void listsADirectory() throws Exception {
        Path dir = Files.createDirectory(server.shareDir().resolve("listing"));
        Files.writeString(dir.resolve("a.txt"), "a");
        Files.writeString(dir.resolve("B.txt"), "bb");
        Files.createDirectory(dir.resolve("sub"));
        CIFSContext ctx = Jcifs.alice(DialectVersion.SMB202, DialectVersion.SMB311);
        try {
            SmbFile d = Jcifs.file(ctx, server, "share/listing/");
            String[] names = Arrays.stream(d.list()).map(n -> n.endsWith("/") ? n.substring(0, n.length() - 1) : n)
                    .toArray(String[]::new);
            assertThat(names).containsExactlyInAnyOrder("a.txt", "B.txt", "sub");
            SmbFile[] files = d.listFiles();
            for (SmbFile f : files) {
                if (f.getName().startsWith("sub")) {
                    assertThat(f.isDirectory()).isTrue();
                } else {
                    assertThat(f.isFile()).isTrue();
                    assertThat(f.length()).isEqualTo(f.getName().startsWith("a") ? 1 : 2);
                }
            }
        } finally {
            Jcifs.closeQuietly(ctx);
        }
    }

    @Test
    void makesRenamesAndDeletes() throws Exception {
        CIFSContext ctx = Jcifs.alice(DialectVersion.SMB202, DialectVersion.SMB311);
        try {
            SmbFile dir = Jcifs.file(ctx, server, "share/made/");
            dir.mkdir();
            assertThat(server.shareDir().resolve("made")).isDirectory();
            SmbFile f = Jcifs.file(ctx, server, "share/made/one.txt");
            try (OutputStream out = f.getOutputStream()) {
                out.write("hello".getBytes());
            }
            SmbFile renamed = Jcifs.file(ctx, server, "share/made/two.txt");
            f.renameTo(renamed);
            assertThat(server.shareDir().resolve("made/one.txt")).doesNotExist();
            assertThat(server.shareDir().resolve("made/two.txt")).hasContent("hello");
            assertThat(Jcifs.file(ctx, server, "share/made/one.txt").exists()).isFalse();
            assertThat(Jcifs.file(ctx, server, "share/made/two.txt").exists()).isTrue();

            SmbFile dir2 = Jcifs.file(ctx, server, "share/made2/");
            Jcifs.file(ctx, server, "share/made/").renameTo(dir2);
            assertThat(server.shareDir().resolve("made2/two.txt")).hasContent("hello");

            Jcifs.file(ctx, server, "share/made2/two.txt").delete();
            assertThat(server.shareDir().resolve("made2/two.txt")).doesNotExist();
            Jcifs.file(ctx, server, "share/made2/").delete();
            assertThat(server.shareDir().resolve("made2")).doesNotExist();
            assertThat(Jcifs.file(ctx, server, "share/made2/").exists()).isFalse();
        } finally {
            Jcifs.closeQuietly(ctx);
        }
    }

    @Test
    void attributesAndTimesRoundTrip() throws Exception {
        CIFSContext ctx = Jcifs.alice(DialectVersion.SMB202, DialectVersion.SMB311);
        try {
            SmbFile f = Jcifs.file(ctx, server, "share/attrs.txt");
            f.createNewFile();
            Jcifs.file(ctx, server, "share/attrs.txt")
                    .setAttributes(SmbFile.ATTR_HIDDEN | SmbFile.ATTR_ARCHIVE);
            int attrs = Jcifs.file(ctx, server, "share/attrs.txt").getAttributes();
            assertThat(attrs & SmbFile.ATTR_HIDDEN).isEqualTo(SmbFile.ATTR_HIDDEN);
            assertThat(attrs & SmbFile.ATTR_DIRECTORY).isZero();
            assertThat(Jcifs.file(ctx, server, "share/attrs.txt").isHidden()).isTrue();

            Jcifs.file(ctx, server, "share/attrs.txt").setReadOnly();
            assertThat(Jcifs.file(ctx, server, "share/attrs.txt").canWrite()).isFalse();
            Jcifs.file(ctx, server, "share/attrs.txt").setReadWrite();
            assertThat(Jcifs.file(ctx, server, "share/attrs.txt").canWrite()).isTrue();

            long when = 1_500_000_000_000L; // 2017-07-14T02:40:00Z
            Jcifs.file(ctx, server, "share/attrs.txt").setLastModified(when);
            assertThat(Jcifs.file(ctx, server, "share/attrs.txt").lastModified()).isEqualTo(when);
            assertThat(Files.getLastModifiedTime(server.shareDir().resolve("attrs.txt")))
                    .isEqualTo(FileTime.fromMillis(when));

            Files.createDirectory(server.shareDir().resolve("attrdir"));
            int dirAttrs = Jcifs.file(ctx, server, "share/attrdir/").getAttributes();
            assertThat(dirAttrs & SmbFile.ATTR_DIRECTORY).isEqualTo(SmbFile.ATTR_DIRECTORY);
        } finally {
            Jcifs.closeQuietly(ctx);
        }
    }

    @Test
    void wrongPasswordIsLogonFailure() {
        CIFSContext ctx = Jcifs.context(DialectVersion.SMB202, DialectVersion.SMB311, false, TestServer.ALICE,
                "not-the-password");
        try {
            assertThatThrownBy(() -> Jcifs.file(ctx, server, "share/").list())
                    .isInstanceOf(SmbAuthException.class)
                    .satisfies(e -> assertThat(((SmbAuthException) e).getNtStatus())
                            .isEqualTo(NtStatus.NT_STATUS_LOGON_FAILURE));
        } finally {
            Jcifs.closeQuietly(ctx);
        }
    }

    @Test
    void unknownUserIsLogonFailure() {
        CIFSContext ctx = Jcifs.context(DialectVersion.SMB202, DialectVersion.SMB311, false, "mallory",
                TestServer.ALICE_PASSWORD);
        try {
            assertThatThrownBy(() -> Jcifs.file(ctx, server, "share/").list())
                    .isInstanceOf(SmbAuthException.class)
                    .satisfies(e -> assertThat(((SmbAuthException) e).getNtStatus())
                            .isEqualTo(NtStatus.NT_STATUS_LOGON_FAILURE));
        } finally {
            Jcifs.closeQuietly(ctx);
        }
    }

    /** A server that requires signing, and a client that enforces it: everything still works, signed. */
    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class SigningRequired {
        private TestServer signing;

        @BeforeAll
        void start() throws Exception {
            signing = TestServer.builder().signingRequired(true).start();
        }

        @AfterAll
        void stop() {
            if (signing != null) {
                signing.close();
            }
        }

        @ParameterizedTest(name = "{0}")
        @EnumSource(value = DialectVersion.class, names = {"SMB202", "SMB210", "SMB300", "SMB311"})
        void signedRoundTrip(DialectVersion dialect) throws Exception {
            byte[] data = new byte[256 * 1024 + 17];
            new Random(7).nextBytes(data);
            CIFSContext ctx = Jcifs.context(dialect, dialect, true, TestServer.BOB, TestServer.BOB_PASSWORD);
            try {
                SmbFile f = Jcifs.file(ctx, signing, "share/signed-" + dialect + ".bin");
                try (OutputStream out = f.getOutputStream()) {
                    out.write(data);
                }
                assertThat(Jcifs.signaturesActive(f)).isTrue();
                assertThat(Jcifs.negotiatedDialect(f)).isEqualTo(dialect);
                byte[] back;
                try (InputStream in = Jcifs.file(ctx, signing, "share/signed-" + dialect + ".bin").getInputStream()) {
                    back = in.readAllBytes();
                }
                assertThat(Arrays.equals(back, data)).isTrue();
                assertThat(Jcifs.file(ctx, signing, "share/").list()).contains("signed-" + dialect + ".bin");
            } finally {
                Jcifs.closeQuietly(ctx);
            }
        }
    }
}
