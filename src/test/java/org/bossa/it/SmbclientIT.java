package org.bossa.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.bossa.smb2.server.EncryptionPolicy;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Proves interoperability with Samba's own client, {@code /usr/bin/smbclient}, run as a separate
 * process: for SMB 3.1.1, 3.0, 2.1 and 2.0.2 the everyday commands (ls, mkdir, put, get
 * byte-identical, rename, rm, rmdir, allinfo, setmode) work and their effect shows on disk; the
 * share list over srvsvc; a wrong password is NT_STATUS_LOGON_FAILURE; the read-only share refuses
 * writes with NT_STATUS_ACCESS_DENIED; a signing-required server and an encryption-required
 * server and share serve clients that sign or encrypt (and refuse clients that cannot); and a
 * 1 GiB file survives put and get byte for byte.
 */
class SmbclientIT {
    private static TestServer server;

    @TempDir
    Path local;

    @BeforeAll
    static void start() throws Exception {
        Smbclient.requireInstalled();
        server = TestServer.start();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    private Path randomFile(String name, int size, long seed) throws IOException {
        byte[] data = new byte[size];
        new Random(seed).nextBytes(data);
        return Files.write(local.resolve(name), data);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"SMB3_11", "SMB3_00", "SMB2_10", "SMB2_02"})
    void everydayCommands(String dialect) throws Exception {
        Path src = randomFile("src.bin", 300_000 + 13, dialect.hashCode());
        String dir = "dir_" + dialect;
        Path onDisk = server.shareDir().resolve(dir);

        Smbclient.Result r = Smbclient.share(server, "share", dialect,
                "mkdir " + dir + "; put " + src + " " + dir + "\\f.bin; ls " + dir + "\\*");
        assertThat(r.anyError()).as("%s", r).isFalse();
        assertThat(r.exitCode()).as("%s", r).isZero();
        assertThat(onDisk).isDirectory();
        assertThat(Files.mismatch(src, onDisk.resolve("f.bin"))).isEqualTo(-1L);
        long srcSize = Files.size(src);
        assertThat(r.entry("f.bin")).as("%s", r).hasValueSatisfying(e -> {
            assertThat(e.size()).isEqualTo(srcSize);
            assertThat(e.attributes()).contains("A");
        });
        assertThat(r.entry(".")).as("%s", r).hasValueSatisfying(e -> assertThat(e.attributes()).contains("D"));

        Path got = local.resolve("got.bin");
        r = Smbclient.share(server, "share", dialect, "get " + dir + "\\f.bin " + got);
        assertThat(r.anyError()).as("%s", r).isFalse();
        assertThat(Files.mismatch(src, got)).as("get returns the bytes put").isEqualTo(-1L);

        r = Smbclient.share(server, "share", dialect, "setmode " + dir + "\\f.bin +hr; ls " + dir + "\\f.bin");
        assertThat(r.anyError()).as("%s", r).isFalse();
        assertThat(r.entry("f.bin")).as("%s", r).hasValueSatisfying(e ->
                assertThat(e.attributes()).contains("H").contains("R"));
        r = Smbclient.share(server, "share", dialect, "setmode " + dir + "\\f.bin -hr; ls " + dir + "\\f.bin");
        assertThat(r.anyError()).as("%s", r).isFalse();
        assertThat(r.entry("f.bin")).as("%s", r).hasValueSatisfying(e ->
                assertThat(e.attributes()).doesNotContain("H").doesNotContain("R"));

        r = Smbclient.share(server, "share", dialect, "rename " + dir + "\\f.bin " + dir + "\\g.bin; ls " + dir + "\\*");
        assertThat(r.anyError()).as("%s", r).isFalse();
        assertThat(r.names()).as("%s", r).contains("g.bin").doesNotContain("f.bin");
        assertThat(onDisk.resolve("f.bin")).doesNotExist();
        assertThat(Files.mismatch(src, onDisk.resolve("g.bin"))).isEqualTo(-1L);

        r = Smbclient.share(server, "share", dialect, "rm " + dir + "\\g.bin; rmdir " + dir + "; ls");
        assertThat(r.anyError()).as("%s", r).isFalse();
        assertThat(r.names()).as("%s", r).doesNotContain(dir);
        assertThat(onDisk).doesNotExist();
    }

    // A long name gets a mangled 8.3 alternate name, as on Samba.
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"SMB3_11", "SMB3_00", "SMB2_10", "SMB2_02"})
    void allinfo(String dialect) throws Exception {
        String name = "allinfo_" + dialect + ".txt";
        Files.writeString(server.shareDir().resolve(name), "12345");
        Smbclient.Result r = Smbclient.share(server, "share", dialect, "allinfo " + name);
        assertThat(r.exitCode()).as("%s", r).isZero();
        assertThat(r.anyError()).as("%s", r).isFalse();
        assertThat(r.output()).as("%s", r).containsPattern("altname: ALLIN~[0-9A-Z]{2}\\.TXT")
                .contains("write_time:").contains("attributes: A (20)")
                .containsPattern("stream: \\[::\\$DATA\\], 5 bytes");
        Files.writeString(server.shareDir().resolve("short.txt"), "1");
        Smbclient.Result shortName = Smbclient.share(server, "share", dialect, "allinfo short.txt");
        assertThat(shortName.output()).as("%s", shortName).contains("altname: SHORT.TXT");
    }

    @Test
    void listsShares() {
        List<String> args = Smbclient.base(server, null, TestServer.ALICE, TestServer.ALICE_PASSWORD);
        args.addAll(List.of("-L", server.host()));
        Smbclient.Result r = Smbclient.run(args, Smbclient.DEFAULT_TIMEOUT);
        assertThat(r.output()).as("%s", r)
                .containsPattern("(?m)^\\s+share\\s+Disk\\s+test share$")
                .containsPattern("(?m)^\\s+ro\\s+Disk\\s+read-only share$")
                .containsPattern("(?m)^\\s+secret\\s+Disk\\s+encrypted share$")
                .containsPattern("(?m)^\\s+IPC\\$\\s+IPC\\s+IPC Service");
        assertThat(r.output()).doesNotContain("NT_STATUS_");
    }

    @Test
    void wrongPasswordIsLogonFailure() {
        List<String> args = Smbclient.base(server, null, TestServer.ALICE, "Wrong!Passw0rd");
        args.addAll(List.of("//" + server.host() + "/share", "-c", "ls"));
        Smbclient.Result r = Smbclient.run(args, Smbclient.DEFAULT_TIMEOUT);
        assertThat(r.output()).as("%s", r).contains("NT_STATUS_LOGON_FAILURE");
        assertThat(r.exitCode()).isNotZero();
    }

    @Test
    void readOnlyShareRefusesWrites() throws Exception {
        Path src = randomFile("ro.bin", 1000, 1);
        Path got = local.resolve("readme.txt");
        Smbclient.Result r = Smbclient.share(server, "ro", "SMB3_11",
                "get " + TestServer.RO_FILE + " " + got + "; put " + src + " new.bin");
        assertThat(r.output()).as("%s", r).contains("NT_STATUS_ACCESS_DENIED");
        assertThat(server.roDir().resolve("new.bin")).doesNotExist();
        assertThat(got).hasContent(TestServer.RO_CONTENT);
        r = Smbclient.share(server, "ro", "SMB3_11", "mkdir sub");
        assertThat(r.output()).as("%s", r).contains("NT_STATUS_ACCESS_DENIED");
        assertThat(server.roDir().resolve("sub")).doesNotExist();
        r = Smbclient.share(server, "ro", "SMB3_11", "rm " + TestServer.RO_FILE);
        assertThat(r.output()).as("%s", r).contains("NT_STATUS_ACCESS_DENIED");
        assertThat(server.roDir().resolve(TestServer.RO_FILE)).hasContent(TestServer.RO_CONTENT);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"SMB3_11", "SMB3_00"})
    void encryptionRequiredShareServesAnEncryptingClient(String dialect) throws Exception {
        Path src = randomFile("enc.bin", 200_000, 3);
        Path got = local.resolve("enc-got.bin");
        String name = "enc_" + dialect + ".bin";
        Smbclient.Result r = Smbclient.share(server, "secret", dialect, "put " + src + " " + name + "; get " + name
                + " " + got, "--client-protection=encrypt");
        assertThat(r.anyError()).as("%s", r).isFalse();
        assertThat(Files.mismatch(src, got)).isEqualTo(-1L);
        assertThat(Files.mismatch(src, server.secretDir().resolve(name))).isEqualTo(-1L);
    }

    // MS-SMB2 3.3.4.1.4: SESSION_SETUP and TREE_CONNECT answers are never encrypted by policy.
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"SMB3_11", "SMB3_00"})
    void encryptionRequiredShareServesADefaultSmb3Client(String dialect) throws Exception {
        Path src = randomFile("enc.bin", 50_000, 4);
        String name = "encdef_" + dialect + ".bin";
        Smbclient.Result r = Smbclient.share(server, "secret", dialect, "put " + src + " " + name);
        assertThat(r.anyError()).as("%s", r).isFalse();
        assertThat(Files.mismatch(src, server.secretDir().resolve(name))).isEqualTo(-1L);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"SMB2_10", "SMB2_02"})
    void encryptionRequiredShareRefusesSmb2(String dialect) {
        Smbclient.Result r = Smbclient.share(server, "secret", dialect, "ls");
        assertThat(r.output()).as("%s", r).contains("tree connect failed: NT_STATUS_ACCESS_DENIED");
    }

    @Test
    void oneGibibyteRoundTrip() throws Exception {
        Path big = local.resolve("big.bin");
        Path back = local.resolve("big-back.bin");
        Path onServer = server.shareDir().resolve("big.bin");
        try {
            writePseudoRandom(big, 1L << 30, 0x5EEDL);
            Smbclient.Result r = Smbclient.run(command("SMB3_11", "put " + big + " big.bin; get big.bin " + back),
                    Duration.ofMinutes(10));
            assertThat(r.anyError()).as("%s", r).isFalse();
            assertThat(Files.size(onServer)).isEqualTo(1L << 30);
            assertThat(Files.mismatch(big, onServer)).as("server copy").isEqualTo(-1L);
            assertThat(Files.mismatch(big, back)).as("downloaded copy").isEqualTo(-1L);
        } finally {
            Files.deleteIfExists(big);
            Files.deleteIfExists(back);
            Files.deleteIfExists(onServer);
        }
    }

    private static List<String> command(String dialect, String commands) {
        List<String> a = Smbclient.base(server, dialect, TestServer.ALICE, TestServer.ALICE_PASSWORD);
        a.addAll(List.of("//" + server.host() + "/share", "-c", commands));
        return a;
    }

    /** xorshift64* output, written 4 MiB at a time: fast, incompressible, no sparse holes. */
    static void writePseudoRandom(Path file, long size, long seed) throws IOException {
        ByteBuffer buf = ByteBuffer.allocateDirect(4 << 20).order(ByteOrder.LITTLE_ENDIAN);
        long x = seed == 0 ? 1 : seed;
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            long left = size;
            while (left > 0) {
                buf.clear();
                while (buf.remaining() >= 8) {
                    x ^= x >>> 12;
                    x ^= x << 25;
                    x ^= x >>> 27;
                    buf.putLong(x * 0x2545F4914F6CDD1DL);
                }
                buf.flip();
                if (buf.remaining() > left) {
                    buf.limit((int) left);
                }
                left -= buf.remaining();
                while (buf.hasRemaining()) {
                    ch.write(buf);
                }
            }
        }
    }

    /** A server that requires signing: clients that sign (all four dialects) are served. */
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
        @ValueSource(strings = {"SMB3_11", "SMB3_00", "SMB2_10", "SMB2_02"})
        void signedClientWorks(String dialect) throws Exception {
            Path src = randomFile("s.bin", 100_000, 5);
            Path got = local.resolve("s-got.bin");
            String name = "signed_" + dialect + ".bin";
            Smbclient.Result r = Smbclient.share(signing, "share", dialect,
                    "put " + src + " " + name + "; get " + name + " " + got + "; ls " + name, "--client-protection=sign");
            assertThat(r.anyError()).as("%s", r).isFalse();
            assertThat(r.entry(name)).as("%s", r).isPresent();
            assertThat(Files.mismatch(src, got)).isEqualTo(-1L);
            assertThat(Files.mismatch(src, signing.shareDir().resolve(name))).isEqualTo(-1L);
        }

        @Test
        void defaultClientFollowsTheServerAndSigns() {
            Smbclient.Result r = Smbclient.share(signing, "share", null, "mkdir fromdefault; ls");
            assertThat(r.anyError()).as("%s", r).isFalse();
            assertThat(signing.shareDir().resolve("fromdefault")).isDirectory();
        }
    }

    /** A server that requires encryption: SMB 3 clients are served encrypted, SMB 2 clients refused. */
    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class EncryptionRequired {
        private TestServer encrypted;

        @BeforeAll
        void start() throws Exception {
            encrypted = TestServer.builder().encryption(EncryptionPolicy.REQUIRED).start();
        }

        @AfterAll
        void stop() {
            if (encrypted != null) {
                encrypted.close();
            }
        }

        // MS-SMB2 3.3.4.1.4: SESSION_SETUP and TREE_CONNECT answers are never encrypted by policy.
        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"SMB3_11", "SMB3_00"})
        void encryptingClientWorks(String dialect) throws Exception {
            Path src = randomFile("e.bin", 100_000, 6);
            Path got = local.resolve("e-got.bin");
            String name = "encrypted_" + dialect + ".bin";
            Smbclient.Result r = Smbclient.share(encrypted, "share", dialect,
                    "put " + src + " " + name + "; get " + name + " " + got, "--client-protection=encrypt");
            assertThat(r.anyError()).as("%s", r).isFalse();
            assertThat(Files.mismatch(src, got)).isEqualTo(-1L);
            assertThat(Files.mismatch(src, encrypted.shareDir().resolve(name))).isEqualTo(-1L);
        }

        // MS-SMB2 3.3.4.1.4: SESSION_SETUP and TREE_CONNECT answers are never encrypted by policy.
        @Test
        void defaultSmb3ClientIsAskedToEncryptAndWorks() {
            Smbclient.Result r = Smbclient.share(encrypted, "share", "SMB3_11", "mkdir encdefault; ls");
            assertThat(r.anyError()).as("%s", r).isFalse();
            assertThat(encrypted.shareDir().resolve("encdefault")).isDirectory();
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"SMB2_10", "SMB2_02"})
        void clientThatCannotEncryptIsRefused(String dialect) {
            Smbclient.Result r = Smbclient.share(encrypted, "share", dialect, "mkdir nope");
            assertThat(r.output()).as("%s", r).contains("NT_STATUS_ACCESS_DENIED");
            assertThat(encrypted.shareDir().resolve("nope")).doesNotExist();
        }
    }
}
