package org.bossa.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.List;
import java.util.Random;
import org.bossa.smb2.server.ServerConfig;
import org.bossa.smb2.wire.EchoRequest;
import org.bossa.smb2.wire.FileId;
import org.bossa.smb2.wire.NtStatus;
import org.bossa.smb2.wire.Smb2Command;
import org.bossa.smb2.wire.Smb2Header;
import org.bossa.smb2.wire.WireReader;
import org.bossa.smb2.wire.WireWriter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Proves the server survives hostile clients: malformed framing (truncated, runt, oversized before
 * and after NEGOTIATE, garbage, a non-zero framing byte), lying CREATE offsets and lengths, invalid
 * UTF-16 names, absurd credit charges and message ids, compound chains pointing outside the frame,
 * wrong lengths and share names, other connections' sessions and files, and bad signatures (the
 * ways out of the share are {@link ShareEscapeIT}). Each case ends either
 * in the NT status MS-SMB2 asks for (the connection still usable) or in that one connection being
 * dropped without a reply; after every case a fresh jcifs-ng client still works and nothing in
 * the sentinel directory next to the shares was created, changed or removed.
 *
 * <p>"No allocation before the limit" is checked from outside: the oversized frame is announced by
 * its 4-byte header alone and the server closes at once, without waiting for (or buffering) the
 * payload, while a header within the limit keeps the connection open waiting for its bytes.
 */
class HostileInputIT extends HostileClientFixture {
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
}
