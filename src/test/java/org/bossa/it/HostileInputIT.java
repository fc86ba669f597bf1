package org.bossa.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import jcifs.CIFSContext;
import jcifs.DialectVersion;
import jcifs.smb.SmbFile;
import org.bossa.smb2.server.ServerConfig;
import org.bossa.smb2.wire.EchoRequest;
import org.bossa.smb2.wire.FileId;
import org.bossa.smb2.wire.NtStatus;
import org.bossa.smb2.wire.Smb2Command;
import org.bossa.smb2.wire.Smb2Header;
import org.bossa.smb2.wire.WireReader;
import org.bossa.smb2.wire.WireWriter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Proves the server survives hostile clients: malformed framing (truncated, runt, oversized before
 * and after NEGOTIATE, garbage, a non-zero framing byte), lying CREATE offsets and lengths, invalid
 * UTF-16 names, absurd credit charges and message ids, compound chains pointing outside the frame,
 * and every way out of the share (".." components, a leading separator, symlinks to /etc and out of
 * the share, and a directory swapped for a symlink to /etc while opens run). Each case ends either
 * in the NT status MS-SMB2 asks for (the connection still usable) or in that one connection being
 * dropped without a reply; after every case a fresh jcifs-ng client still works and nothing in
 * the sentinel directory next to the shares was created, changed or removed.
 *
 * <p>"No allocation before the limit" is checked from outside: the oversized frame is announced by
 * its 4-byte header alone and the server closes at once, without waiting for (or buffering) the
 * payload, while a header within the limit keeps the connection open waiting for its bytes.
 */
class HostileInputIT {
    private static final String HELLO = "hello.txt";
    private static TestServer server;
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

    // ---------------------------------------------------------------- framing

    @Test
    void truncatedFrameIsWaitedForThenGarbageCompletionDrops() throws Exception {
        try (RawSmbClient c = new RawSmbClient(server)) {
            // an SMB2 protocol id and a header StructureSize of 0x99 (not 64)
            c.sendRaw(new byte[] {0, 0, 0, (byte) 200, (byte) 0xFE, 'S', 'M', 'B', (byte) 0x99, 0});
            assertThat(c.closedByServerWithin(500)).as("a partial frame is waited for").isFalse();
            c.sendRaw(new byte[194]); // completes the frame
            assertThat(c.closedByServerWithin(3000)).isTrue();
        }
    }

    @Test
    void truncatedFrameThenHalfCloseDrops() throws Exception {
        try (RawSmbClient c = new RawSmbClient(server)) {
            c.sendRaw(new byte[] {0, 0, 1, 0, (byte) 0xFE, 'S', 'M', 'B'});
            c.shutdownOutput();
            assertThat(c.closedByServerWithin(3000)).isTrue();
        }
    }

    @Test
    void runtFramesDrop() throws Exception {
        try (RawSmbClient c = new RawSmbClient(server)) {
            c.sendRaw(new byte[] {0, 0, 0, 2, 1, 2});
            assertThat(c.closedByServerWithin(3000)).isTrue();
        }
        try (RawSmbClient c = new RawSmbClient(server)) {
            byte[] shortHeader = new byte[40];
            shortHeader[0] = (byte) 0xFE;
            shortHeader[1] = 'S';
            shortHeader[2] = 'M';
            shortHeader[3] = 'B';
            c.sendFrame(shortHeader);
            assertThat(c.closedByServerWithin(3000)).isTrue();
        }
    }

    @Test
    void frameOverThePreNegotiateLimitDropsBeforeItsPayload() throws Exception {
        int limit = ServerConfig.MAX_PRE_NEGOTIATE_FRAME;
        try (RawSmbClient c = new RawSmbClient(server)) {
            c.sendRaw(lengthHeader(limit));
            assertThat(c.closedByServerWithin(700)).as("a frame of exactly the limit is awaited").isFalse();
        }
        try (RawSmbClient c = new RawSmbClient(server)) {
            c.sendRaw(lengthHeader(limit + 1));
            assertThat(c.closedByServerWithin(3000)).as("header alone over the limit").isTrue();
        }
        try (RawSmbClient c = new RawSmbClient(server)) {
            c.sendRaw(lengthHeader(0xFFFFFF));
            assertThat(c.closedByServerWithin(3000)).isTrue();
        }
    }

    @Test
    void frameOverTheNegotiatedLimitDropsBeforeItsPayload() throws Exception {
        int max = server.config().maxFrameSize();
        try (RawSmbClient c = new RawSmbClient(server)) {
            c.negotiate();
            c.sendRaw(lengthHeader(1 << 20));
            assertThat(c.closedByServerWithin(700)).as("1 MiB is within the negotiated limit: awaited").isFalse();
        }
        try (RawSmbClient c = RawSmbClient.loggedOn(server, "share")) {
            c.sendRaw(lengthHeader(max + 1));
            assertThat(c.closedByServerWithin(3000)).as("header alone over the negotiated limit").isTrue();
        }
    }

    @Test
    void garbageDrops() throws Exception {
        Random rnd = new Random(99);
        try (RawSmbClient c = new RawSmbClient(server)) {
            byte[] junk = new byte[4096];
            rnd.nextBytes(junk);
            junk[0] = (byte) 0x85;
            c.sendRaw(junk);
            assertThat(c.closedByServerWithin(3000)).isTrue();
        }
        try (RawSmbClient c = new RawSmbClient(server)) {
            byte[] junk = new byte[512];
            rnd.nextBytes(junk);
            c.sendFrame(junk);
            assertThat(c.closedByServerWithin(3000)).as("well framed, not SMB").isTrue();
        }
        try (RawSmbClient c = RawSmbClient.loggedOn(server, "share")) {
            byte[] junk = new byte[512];
            rnd.nextBytes(junk);
            c.sendFrame(junk);
            assertThat(c.closedByServerWithin(3000)).as("garbage after logon").isTrue();
        }
        try (RawSmbClient c = RawSmbClient.loggedOn(server, "share")) {
            byte[] echo = RawSmbClient.message(c.header(Smb2Command.ECHO), new EchoRequest()::encode);
            echo[0] = (byte) 0xFD; // a transform protocol id on an SMB 2.1 connection
            c.sendFrame(echo);
            assertThat(c.closedByServerWithin(3000)).as("transform header on 2.1").isTrue();
        }
    }

    @Test
    void nonZeroFramingByteDrops() throws Exception {
        try (RawSmbClient c = new RawSmbClient(server)) {
            byte[] negotiate = negotiateFrame(c);
            negotiate[0] = (byte) 0x81; // a NetBIOS session request type byte
            c.sendRaw(negotiate);
            assertThat(c.closedByServerWithin(3000)).isTrue();
        }
        try (RawSmbClient c = RawSmbClient.loggedOn(server, "share")) {
            byte[] echo = RawSmbClient.message(c.header(Smb2Command.ECHO), new EchoRequest()::encode);
            byte[] frame = new byte[4 + echo.length];
            frame[0] = 1;
            frame[3] = (byte) echo.length;
            System.arraycopy(echo, 0, frame, 4, echo.length);
            c.sendRaw(frame);
            assertThat(c.closedByServerWithin(3000)).isTrue();
        }
    }

    // ---------------------------------------------------------------- CREATE offsets and names

    private static final int NAME_OFFSET = Smb2Header.SIZE + 44;
    private static final int NAME_LENGTH = Smb2Header.SIZE + 46;
    private static final int CONTEXTS_OFFSET = Smb2Header.SIZE + 48;
    private static final int CONTEXTS_LENGTH = Smb2Header.SIZE + 52;

    @Test
    void createNameOffsetPastTheEndIsInvalidParameter() throws Exception {
        try (RawSmbClient c = RawSmbClient.loggedOn(server, "share")) {
            byte[] m = c.openForReadMessage(HELLO);
            putU16(m, NAME_OFFSET, m.length + 8);
            assertStatus(c.call(m), NtStatus.INVALID_PARAMETER);
            assertStillServes(c);
        }
    }

    @Test
    void createNameLengthOverflowIsInvalidParameter() throws Exception {
        try (RawSmbClient c = RawSmbClient.loggedOn(server, "share")) {
            byte[] m = c.openForReadMessage(HELLO);
            putU16(m, NAME_LENGTH, 0xFFFE);
            assertStatus(c.call(m), NtStatus.INVALID_PARAMETER);
            m = c.openForReadMessage(HELLO);
            putU16(m, NAME_OFFSET, 0xFFFF);
            putU16(m, NAME_LENGTH, 0xFFFF);
            assertStatus(c.call(m), NtStatus.INVALID_PARAMETER);
            assertStillServes(c);
        }
    }

    @Test
    void createNameOffsetInsideTheHeaderIsInvalidParameter() throws Exception {
        try (RawSmbClient c = RawSmbClient.loggedOn(server, "share")) {
            byte[] m = c.openForReadMessage(HELLO);
            putU16(m, NAME_OFFSET, 0);
            assertStatus(c.call(m), NtStatus.INVALID_PARAMETER);
            assertStillServes(c);
        }
    }

    @Test
    void createOddNameLengthIsInvalidParameter() throws Exception {
        try (RawSmbClient c = RawSmbClient.loggedOn(server, "share")) {
            byte[] m = c.openForReadMessage(HELLO);
            putU16(m, NAME_LENGTH, HELLO.length() * 2 - 1);
            assertStatus(c.call(m), NtStatus.INVALID_PARAMETER);
            assertStillServes(c);
        }
    }

    @Test
    void createContextsOutsideTheMessageAreInvalidParameter() throws Exception {
        try (RawSmbClient c = RawSmbClient.loggedOn(server, "share")) {
            byte[] m = c.openForReadMessage(HELLO);
            putU32(m, CONTEXTS_OFFSET, 0xFFFFFFF0);
            putU32(m, CONTEXTS_LENGTH, 0x20);
            assertStatus(c.call(m), NtStatus.INVALID_PARAMETER);
            m = c.openForReadMessage(HELLO);
            putU32(m, CONTEXTS_OFFSET, 120);
            putU32(m, CONTEXTS_LENGTH, 0xFFFFFFFF);
            assertStatus(c.call(m), NtStatus.INVALID_PARAMETER);
            assertStillServes(c);
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"a\uD800b", "ab\uDC00", "\uDFFF\uD800"})
    void invalidUtf16NameIsObjectNameInvalid(String name) throws Exception {
        try (RawSmbClient c = RawSmbClient.loggedOn(server, "share")) {
            // Java's UTF-16 encoder would replace a lone surrogate: write the code units by hand.
            byte[] m = c.openForReadMessage("x".repeat(name.length()));
            int at = getU16(m, NAME_OFFSET);
            for (int i = 0; i < name.length(); i++) {
                putU16(m, at + 2 * i, name.charAt(i));
            }
            assertStatus(c.call(m), NtStatus.OBJECT_NAME_INVALID);
            assertStillServes(c);
        }
    }

    // ---------------------------------------------------------------- credits

    @Test
    void absurdCreditChargeDrops() throws Exception {
        try (RawSmbClient c = RawSmbClient.loggedOn(server, "share")) {
            Smb2Header h = c.header(Smb2Command.ECHO);
            Smb2Header absurd = new Smb2Header(0xFFFF, 0, h.command(), h.credits(), 0, 0, h.messageId(), 0, 0,
                    h.treeId(), h.sessionId());
            c.sendFrame(RawSmbClient.message(absurd, new EchoRequest()::encode));
            assertThat(c.closedByServerWithin(3000)).isTrue();
        }
    }

    @ParameterizedTest(name = "MessageId +{0}")
    @ValueSource(longs = {1_000_000L, 0x7FFF_FFFF_FFFF_FFFFL, -1L})
    void messageIdFarOutsideTheWindowDrops(long delta) throws Exception {
        try (RawSmbClient c = RawSmbClient.loggedOn(server, "share")) {
            Smb2Header h = c.header(Smb2Command.ECHO);
            long id = delta < 0 ? delta : h.messageId() + delta;
            Smb2Header far = new Smb2Header(1, 0, h.command(), h.credits(), 0, 0, id, 0, 0, h.treeId(), h.sessionId());
            c.sendFrame(RawSmbClient.message(far, new EchoRequest()::encode));
            assertThat(c.closedByServerWithin(3000)).isTrue();
        }
    }

    @Test
    void reusedMessageIdDrops() throws Exception {
        try (RawSmbClient c = RawSmbClient.loggedOn(server, "share")) {
            Smb2Header h = c.header(Smb2Command.ECHO);
            Smb2Header old = new Smb2Header(1, 0, h.command(), h.credits(), 0, 0, 1, 0, 0, h.treeId(), h.sessionId());
            c.sendFrame(RawSmbClient.message(old, new EchoRequest()::encode));
            assertThat(c.closedByServerWithin(3000)).isTrue();
        }
    }

    // ---------------------------------------------------------------- compound

    @Test
    void validCompoundIsAnswered() throws Exception {
        try (RawSmbClient c = RawSmbClient.loggedOn(server, "share")) {
            byte[] chain = echoChain(c, -1);
            RawSmbClient.Response r = c.call(chain);
            assertStatus(r, NtStatus.SUCCESS);
            int next = r.header().nextCommand();
            assertThat(next).as("two responses chained").isPositive();
            Smb2Header second = Smb2Header.decode(new WireReader(r.message(), next, r.message().length - next));
            assertThat(second.command()).isEqualTo(Smb2Command.ECHO.code());
            assertThat(second.status()).isEqualTo(NtStatus.SUCCESS.code());
        }
    }

    @ParameterizedTest(name = "NextCommand {0}")
    @ValueSource(ints = {0x00100000, 0x7FFFFFF8, 0xFFFFFFF8, 8, 76})
    void compoundPointingOutsideDrops(int nextCommand) throws Exception {
        try (RawSmbClient c = RawSmbClient.loggedOn(server, "share")) {
            c.sendFrame(echoChain(c, nextCommand));
            assertThat(c.closedByServerWithin(3000)).isTrue();
        }
    }

    /** Two ECHOs; the first's NextCommand is the correct 72, or {@code nextCommand} when not -1. */
    private static byte[] echoChain(RawSmbClient c, int nextCommand) {
        byte[] first = RawSmbClient.message(c.header(Smb2Command.ECHO), new EchoRequest()::encode);
        byte[] second = RawSmbClient.message(c.header(Smb2Command.ECHO), new EchoRequest()::encode);
        WireWriter w = new WireWriter(160);
        w.bytes(first);
        w.align(8);
        int secondAt = w.position();
        w.bytes(second);
        byte[] chain = w.toByteArray();
        putU32(chain, 20, nextCommand == -1 ? secondAt : nextCommand);
        return chain;
    }

    // ---------------------------------------------------------------- escaping the share

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"..\\..\\etc\\passwd", "..\\outside\\sentinel.txt", "sub\\..\\..\\outside\\sentinel.txt",
            "..", "..\\", ".\\..\\outside\\sentinel.txt"})
    void dotDotIsRefused(String name) throws Exception {
        Files.createDirectories(server.shareDir().resolve("sub"));
        try (RawSmbClient c = RawSmbClient.loggedOn(server, "share")) {
            RawSmbClient.Response r = c.openForRead(name);
            assertRefusedWithoutContent(c, r, NtStatus.OBJECT_NAME_INVALID, NtStatus.OBJECT_PATH_SYNTAX_BAD,
                    NtStatus.INVALID_PARAMETER);
            RawSmbClient.Response made = c.createFile(name.replace("sentinel.txt", "evil.txt"));
            assertThat(made.rawStatus()).as("create through %s", name).isNotEqualTo(NtStatus.SUCCESS.code());
            assertStillServes(c);
        } finally {
            Files.deleteIfExists(server.shareDir().resolve("sub"));
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"../outside/sentinel.txt", "/etc/passwd", "..\\outside/sentinel.txt"})
    void forwardSlashesAreNotSeparators(String name) throws Exception {
        try (RawSmbClient c = RawSmbClient.loggedOn(server, "share")) {
            assertRefusedWithoutContent(c, c.openForRead(name), NtStatus.OBJECT_NAME_INVALID,
                    NtStatus.OBJECT_PATH_SYNTAX_BAD, NtStatus.INVALID_PARAMETER);
            assertStillServes(c);
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"\\etc\\passwd", "\\hello.txt", "\\\\127.0.0.1\\share\\hello.txt"})
    void leadingSeparatorIsInvalidParameter(String name) throws Exception {
        try (RawSmbClient c = RawSmbClient.loggedOn(server, "share")) {
            // MS-SMB2 3.3.5.9 (and Samba 4.17): a name beginning with a separator is STATUS_INVALID_PARAMETER.
            assertRefusedWithoutContent(c, c.openForRead(name), NtStatus.INVALID_PARAMETER);
            assertStillServes(c);
        }
    }

    @Test
    void symlinkToEtcIsNotFollowed() throws Exception {
        Path link = Files.createSymbolicLink(server.shareDir().resolve("etclink"), Path.of("/etc"));
        Path fileLink = Files.createSymbolicLink(server.shareDir().resolve("passwdlink"), Path.of("/etc/passwd"));
        try (RawSmbClient c = RawSmbClient.loggedOn(server, "share")) {
            assertRefusedWithoutContent(c, c.openForRead("etclink\\passwd"), NtStatus.ACCESS_DENIED,
                    NtStatus.OBJECT_PATH_NOT_FOUND, NtStatus.OBJECT_NAME_NOT_FOUND);
            assertRefusedWithoutContent(c, c.openForRead("ETCLINK\\passwd"), NtStatus.ACCESS_DENIED,
                    NtStatus.OBJECT_PATH_NOT_FOUND, NtStatus.OBJECT_NAME_NOT_FOUND);
            assertRefusedWithoutContent(c, c.openForRead("passwdlink"), NtStatus.ACCESS_DENIED,
                    NtStatus.OBJECT_NAME_NOT_FOUND, NtStatus.STOPPED_ON_SYMLINK);
            assertStillServes(c);
        } finally {
            Files.delete(link);
            Files.delete(fileLink);
        }
    }

    @Test
    void symlinksOutOfTheShareNeitherReadNorCreate() throws Exception {
        Path up = Files.createSymbolicLink(server.shareDir().resolve("uplink"), Path.of("../outside"));
        Path abs = Files.createSymbolicLink(server.shareDir().resolve("outlink"), server.outsideDir());
        try (RawSmbClient c = RawSmbClient.loggedOn(server, "share")) {
            for (String dir : List.of("uplink", "outlink")) {
                assertRefusedWithoutContent(c, c.openForRead(dir + "\\sentinel.txt"), NtStatus.ACCESS_DENIED,
                        NtStatus.OBJECT_PATH_NOT_FOUND, NtStatus.OBJECT_NAME_NOT_FOUND);
                RawSmbClient.Response made = c.createFile(dir + "\\evil.txt");
                assertThat(made.rawStatus()).as("create through %s", dir).isNotEqualTo(NtStatus.SUCCESS.code());
            }
            assertStillServes(c);
        } finally {
            Files.delete(up);
            Files.delete(abs);
        }
    }

    /**
     * A background thread swaps directory "d" (holding a harmless "passwd") with a symlink to /etc as
     * fast as it can for about two seconds, while the client opens and reads "d\passwd" in a loop.
     * Every open that succeeds must have read the harmless file.
     */
    @Test
    void directorySwappedForSymlinkMidRequestNeverEscapes() throws Exception {
        Path share = server.shareDir();
        Path d = share.resolve("d");
        Path aside = share.resolve("d.real");
        Path link = share.resolve("d.link");
        Files.createDirectory(d);
        Files.writeString(d.resolve("passwd"), "harmless\n");
        Files.createSymbolicLink(link, Path.of("/etc"));
        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger flips = new AtomicInteger();
        AtomicReference<Throwable> flipperError = new AtomicReference<>();
        Thread flipper = Thread.ofPlatform().name("symlink-flipper").start(() -> {
            try {
                while (!stop.get()) {
                    Files.move(d, aside, StandardCopyOption.ATOMIC_MOVE);
                    Files.move(link, d, StandardCopyOption.ATOMIC_MOVE);
                    Files.move(d, link, StandardCopyOption.ATOMIC_MOVE);
                    Files.move(aside, d, StandardCopyOption.ATOMIC_MOVE);
                    flips.incrementAndGet();
                }
            } catch (Throwable t) {
                flipperError.set(t);
            }
        });
        int attempts = 0;
        int opened = 0;
        List<String> statuses = new ArrayList<>();
        try (RawSmbClient c = RawSmbClient.loggedOn(server, "share")) {
            long end = System.nanoTime() + 2_000_000_000L;
            while (System.nanoTime() < end) {
                attempts++;
                RawSmbClient.Response r = c.openForRead("d\\passwd");
                if (r.rawStatus() != NtStatus.SUCCESS.code()) {
                    String s = NtStatus.fromCode(r.rawStatus()).map(Enum::name).orElse(Integer.toHexString(r.rawStatus()));
                    if (!statuses.contains(s)) {
                        statuses.add(s);
                    }
                    continue;
                }
                opened++;
                FileId id = RawSmbClient.fileId(r);
                NtStatus[] st = new NtStatus[1];
                byte[] data = c.read(id, 65536, st);
                c.close(id);
                if (data != null) {
                    String text = new String(data, StandardCharsets.UTF_8);
                    assertThat(text).as("open #%d read", opened).isEqualTo("harmless\n");
                }
            }
            assertStillServes(c);
        } finally {
            stop.set(true);
            flipper.join(5000);
            restoreSwap(d, aside, link);
        }
        assertThat(flipperError.get()).isNull();
        assertThat(flips.get()).as("the race really ran").isGreaterThan(20);
        assertThat(attempts).isGreaterThan(50);
        System.out.printf("symlink race: %d flips, %d opens tried, %d opened the harmless file, refusals %s%n",
                flips.get(), attempts, opened, statuses);
    }

    private static void restoreSwap(Path d, Path aside, Path link) throws IOException {
        if (Files.isSymbolicLink(d)) {
            Files.move(d, link, StandardCopyOption.ATOMIC_MOVE);
        }
        if (Files.isDirectory(aside, LinkOption.NOFOLLOW_LINKS)) {
            Files.move(aside, d, StandardCopyOption.ATOMIC_MOVE);
        }
        Files.deleteIfExists(link);
        Files.deleteIfExists(d.resolve("passwd"));
        Files.deleteIfExists(d);
    }

    // ---------------------------------------------------------------- lengths and share names

    @Test
    void readLengthsBeyondTheLimitsAreInvalidParameter() throws Exception {
        try (RawSmbClient c = RawSmbClient.loggedOn(server, "share")) {
            RawSmbClient.Response r = c.openForRead(HELLO);
            assertStatus(r, NtStatus.SUCCESS);
            FileId id = RawSmbClient.fileId(r);
            assertStatus(c.readRaw(id, -1, 0), NtStatus.INVALID_PARAMETER); // 4 GiB - 1
            assertStatus(c.readRaw(id, server.config().maxIoSize() + 1, 0), NtStatus.INVALID_PARAMETER);
            assertStatus(c.readRaw(id, 65537, 0), NtStatus.INVALID_PARAMETER); // CreditCharge 1 covers 64 KiB
            assertStatus(c.readRaw(id, 100, Long.MIN_VALUE), NtStatus.INVALID_PARAMETER);
            assertStatus(c.close(id), NtStatus.SUCCESS);
            assertStillServes(c);
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"\\\\127.0.0.1\\..", "\\\\127.0.0.1\\share\\..\\..", "\\\\127.0.0.1\\share\\sub",
            "\\\\127.0.0.1\\", "\\\\127.0.0.1", "\\\\127.0.0.1\\nosuchshare", "\\\\127.0.0.1\\/etc"})
    void treeConnectToAnythingButAShareIsBadNetworkName(String path) throws Exception {
        try (RawSmbClient c = RawSmbClient.loggedOn(server, "share")) {
            assertStatus(c.treeConnectPath(path), NtStatus.BAD_NETWORK_NAME);
            assertStillServes(c);
        }
    }

    // ---------------------------------------------------------------- other connections' state

    @Test
    void sessionOfAnotherConnectionIsUnknownHere() throws Exception {
        try (RawSmbClient a = RawSmbClient.loggedOn(server, "share"); RawSmbClient b = new RawSmbClient(server)) {
            b.negotiate();
            b.adopt(a.sessionId(), a.treeId());
            // MS-SMB2 3.3.5.2.9: the session is looked up in this connection's table only.
            assertStatus(b.openForRead(HELLO), NtStatus.USER_SESSION_DELETED);
            assertStillServes(a);
        }
    }

    @Test
    void fileIdOfAnotherConnectionIsClosedHere() throws Exception {
        try (RawSmbClient a = RawSmbClient.loggedOn(server, "share");
             RawSmbClient b = RawSmbClient.loggedOn(server, "share")) {
            RawSmbClient.Response r = a.openForRead(HELLO);
            assertStatus(r, NtStatus.SUCCESS);
            FileId theirs = RawSmbClient.fileId(r);
            NtStatus[] st = new NtStatus[1];
            assertThat(b.read(theirs, 100, st)).isNull();
            assertThat(st[0]).isEqualTo(NtStatus.FILE_CLOSED);
            assertStatus(b.close(theirs), NtStatus.FILE_CLOSED);
            assertThat(a.read(theirs, 100, st)).as("still open on its own connection").isNotNull();
            assertStatus(a.close(theirs), NtStatus.SUCCESS);
        }
    }

    /** A server that requires signing: unsigned and wrongly signed requests are refused, signed ones served. */
    @org.junit.jupiter.api.Nested
    @org.junit.jupiter.api.TestInstance(org.junit.jupiter.api.TestInstance.Lifecycle.PER_CLASS)
    class SigningRequired {
        private TestServer signing;

        @BeforeAll
        void start() throws Exception {
            signing = TestServer.builder().signingRequired(true).start();
            Files.writeString(signing.shareDir().resolve(HELLO), "hello\n");
        }

        @AfterAll
        void stop() {
            if (signing != null) {
                signing.close();
            }
        }

        @Test
        void unsignedOrTamperedRequestsAreAccessDenied() throws Exception {
            try (RawSmbClient c = RawSmbClient.loggedOn(signing, "share", true)) {
                RawSmbClient.Response ok = c.openForRead(HELLO);
                assertStatus(ok, NtStatus.SUCCESS);
                assertStatus(c.close(RawSmbClient.fileId(ok)), NtStatus.SUCCESS);
                c.signAll(false);
                assertStatus(c.openForRead(HELLO), NtStatus.ACCESS_DENIED);
                byte[] tampered = c.sign(c.openForReadMessage(HELLO));
                tampered[tampered.length - 1] ^= 1;
                assertStatus(c.call(tampered), NtStatus.ACCESS_DENIED);
                byte[] wrongFlag = c.openForReadMessage(HELLO);
                wrongFlag[16] |= Smb2Header.FLAG_SIGNED; // claims a signature that is all zeros
                assertStatus(c.call(wrongFlag), NtStatus.ACCESS_DENIED);
                c.signAll(true);
                assertStillServes(c);
            }
        }
    }

    // ---------------------------------------------------------------- helpers

    /**
     * The open failed with one of {@code allowed}; if it nevertheless succeeded, the test fails and
     * says what the server let the client read.
     */
    private static void assertRefusedWithoutContent(RawSmbClient c, RawSmbClient.Response r, NtStatus... allowed)
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

    private static void assertStatus(RawSmbClient.Response r, NtStatus expected) {
        assertThat(r.rawStatus()).as("expected %s, got 0x%08x %s", expected, r.rawStatus(),
                NtStatus.fromCode(r.rawStatus()).map(Enum::name).orElse("")).isEqualTo(expected.code());
    }

    /** The same connection still answers: ECHO, and an ordinary open and read of hello.txt. */
    private static void assertStillServes(RawSmbClient c) throws IOException {
        assertStatus(c.echo(), NtStatus.SUCCESS);
        RawSmbClient.Response r = c.openForRead(HELLO);
        assertStatus(r, NtStatus.SUCCESS);
        FileId id = RawSmbClient.fileId(r);
        NtStatus[] st = new NtStatus[1];
        assertThat(c.read(id, 100, st)).as("read status %s", st[0]).isEqualTo("hello\n".getBytes(StandardCharsets.UTF_8));
        assertStatus(c.close(id), NtStatus.SUCCESS);
    }

    private static byte[] negotiateFrame(RawSmbClient c) {
        byte[] msg = RawSmbClient.message(c.header(Smb2Command.NEGOTIATE), w ->
                new org.bossa.smb2.wire.NegotiateRequest(new int[] {0x0210}, 1, 0, new byte[16], List.of()).encode(w));
        byte[] f = new byte[4 + msg.length];
        f[2] = (byte) (msg.length >>> 8);
        f[3] = (byte) msg.length;
        System.arraycopy(msg, 0, f, 4, msg.length);
        return f;
    }

    private static byte[] lengthHeader(int len) {
        return new byte[] {0, (byte) (len >>> 16), (byte) (len >>> 8), (byte) len};
    }

    private static int getU16(byte[] b, int at) {
        return (b[at] & 0xFF) | (b[at + 1] & 0xFF) << 8;
    }

    private static void putU16(byte[] b, int at, int v) {
        b[at] = (byte) v;
        b[at + 1] = (byte) (v >>> 8);
    }

    private static void putU32(byte[] b, int at, int v) {
        putU16(b, at, v);
        putU16(b, at + 2, v >>> 16);
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
