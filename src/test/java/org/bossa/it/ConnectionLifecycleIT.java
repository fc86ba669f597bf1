package org.bossa.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.bossa.auth.TestNtlmClient;
import org.bossa.auth.TestSpnegoClient;
import org.bossa.smb2.server.ServerLimits;
import org.bossa.smb2.wire.CancelRequest;
import org.bossa.smb2.wire.ChangeNotifyRequest;
import org.bossa.smb2.wire.CreateDisposition;
import org.bossa.smb2.wire.CreateOptions;
import org.bossa.smb2.wire.EchoRequest;
import org.bossa.smb2.wire.FileId;
import org.bossa.smb2.wire.NegotiateRequest;
import org.bossa.smb2.wire.LogoffRequest;
import org.bossa.smb2.wire.NtStatus;
import org.bossa.smb2.wire.SessionSetupRequest;
import org.bossa.smb2.wire.SessionSetupResponse;
import org.bossa.smb2.wire.ShareAccess;
import org.bossa.smb2.wire.Smb2Command;
import org.bossa.smb2.wire.Smb2Header;
import org.junit.jupiter.api.Test;

/**
 * Connection lifecycle: opens of a dropped connection are all released (also those created while
 * it was going away); an unfinished authentication expires; a connection that never logs on is
 * closed; failed logons are answered after the configured delay; an unsigned CANCEL on a
 * signing-required session is ignored.
 */
class ConnectionLifecycleIT {

    private static ServerLimits limits(Duration auth, Duration firstSession, Duration failedLogonDelay) {
        ServerLimits d = ServerLimits.DEFAULTS;
        return new ServerLimits(d.maxConnections(), d.maxConnectionsPerAddress(), d.maxSessionsPerConnection(), auth,
                firstSession, d.sessionlessIdleTimeout(), d.maxOpensPerSession(), d.maxPendingAsync(),
                d.maxPipeBufferBytes(), failedLogonDelay, d.maxDelayedLogonsPerAddress(), d.maxTreesPerSession());
    }

    @Test
    void droppedConnectionsWithOpensInFlightReleaseEveryOpenOnce() throws Exception {
        try (TestServer server = TestServer.start()) {
            for (int i = 0; i < 20; i++) {
                Files.writeString(server.shareDir().resolve("f" + i + ".txt"), "x");
            }
            List<RawSmbClient> clients = new ArrayList<>();
            for (int c = 0; c < 10; c++) {
                RawSmbClient client = RawSmbClient.loggedOn(server, "share");
                clients.add(client);
                // Pipelined CREATEs whose replies are never read: some are still running when the
                // socket goes, and their opens must be released too.
                for (int i = 0; i < 20; i++) {
                    client.sendFrame(client.openForReadMessage("f" + i + ".txt"));
                }
            }
            clients.forEach(RawSmbClient::close);
            ResourceLimitsIT.awaitNoOpenFiles(server);
            // Nothing is left holding a share mode: a deny-all open of each file is granted.
            try (RawSmbClient c = RawSmbClient.loggedOn(server, "share")) {
                for (int i = 0; i < 20; i++) {
                    RawSmbClient.Response r = c.create("f" + i + ".txt", RawSmbClient.FILE_READ_DATA, 0,
                            CreateDisposition.OPEN, CreateOptions.FILE_NON_DIRECTORY_FILE);
                    RawSmbClient.expect(r, NtStatus.SUCCESS, "deny-all open of f" + i);
                    RawSmbClient.expect(c.close(RawSmbClient.fileId(r)), NtStatus.SUCCESS, "close");
                }
            }
        }
    }

    @Test
    void unfinishedAuthenticationExpires() throws Exception {
        try (TestServer server = TestServer.builder()
                .limits(limits(Duration.ofSeconds(1), Duration.ofSeconds(60), Duration.ZERO)).start();
             RawSmbClient c = new RawSmbClient(server)) {
            c.negotiate();
            TestSpnegoClient spnego = new TestSpnegoClient(
                    new TestNtlmClient(TestServer.ALICE, TestServer.NETBIOS, TestServer.ALICE_PASSWORD, 11));
            SessionSetupRequest first = new SessionSetupRequest(0, NegotiateRequest.SIGNING_ENABLED, 0, 0,
                    spnego.init(), 0);
            RawSmbClient.Response r = c.call(RawSmbClient.message(c.header(Smb2Command.SESSION_SETUP), first::encode));
            RawSmbClient.expect(r, NtStatus.MORE_PROCESSING_REQUIRED, "SESSION_SETUP 1");
            assertThat(server.sessionCount()).isEqualTo(1);
            ResourceLimitsIT.poll(() -> server.sessionCount() == 0, "the unfinished session expired");
            c.adopt(r.header().sessionId(), 0);
            byte[] challenge = SessionSetupResponse.decode(r.reader()).securityBuffer();
            SessionSetupRequest second = new SessionSetupRequest(0, NegotiateRequest.SIGNING_ENABLED, 0, 0,
                    spnego.authenticate(challenge), 0);
            RawSmbClient.expect(c.call(RawSmbClient.message(c.header(Smb2Command.SESSION_SETUP), second::encode)),
                    NtStatus.USER_SESSION_DELETED, "finishing an expired authentication");
        }
    }

    @Test
    void connectionWithoutSessionIsClosed() throws Exception {
        try (TestServer server = TestServer.builder()
                .limits(limits(Duration.ofSeconds(60), Duration.ofSeconds(1), Duration.ZERO)).start();
             RawSmbClient c = new RawSmbClient(server)) {
            c.negotiate();
            assertThat(c.closedByServerWithin(60_000)).as("closed by the server").isTrue();
            ResourceLimitsIT.poll(() -> server.connectionCount() == 0, "connection counted down");
        }
    }

    @Test
    void connectionLeftWithoutASessionAfterLogoffIsClosedWhenIdle() throws Exception {
        ServerLimits d = ServerLimits.DEFAULTS;
        ServerLimits idle = new ServerLimits(d.maxConnections(), d.maxConnectionsPerAddress(),
                d.maxSessionsPerConnection(), d.authTimeout(), d.firstSessionTimeout(), Duration.ofSeconds(1),
                d.maxOpensPerSession(), d.maxPendingAsync(), d.maxPipeBufferBytes(), Duration.ZERO,
                d.maxDelayedLogonsPerAddress(), d.maxTreesPerSession());
        try (TestServer server = TestServer.builder().limits(idle).start();
             RawSmbClient c = new RawSmbClient(server)) {
            c.negotiate();
            c.sessionSetup(TestServer.ALICE, TestServer.ALICE_PASSWORD);
            RawSmbClient.expect(c.call(RawSmbClient.message(c.header(Smb2Command.LOGOFF), new LogoffRequest()::encode)),
                    NtStatus.SUCCESS, "LOGOFF");
            assertThat(c.closedByServerWithin(60_000)).as("closed by the server once idle without a session").isTrue();
            ResourceLimitsIT.poll(() -> server.connectionCount() == 0, "connection counted down");
        }
    }

    /**
     * A failed logon's answer is held back and sent later by a timer: the connection's worker goes
     * on meanwhile, so an ECHO sent after the failed AUTHENTICATE is answered first, and the
     * LOGON_FAILURE follows. (The delay is long enough that the ECHO always wins; nothing here
     * measures how long anything took.)
     */
    @Test
    void failedLogonIsAnsweredLaterWithoutHoldingTheConnection() throws Exception {
        try (TestServer server = TestServer.builder()
                .limits(limits(Duration.ofSeconds(60), Duration.ofSeconds(60), Duration.ofSeconds(5))).start();
             RawSmbClient c = new RawSmbClient(server)) {
            c.negotiate();
            TestSpnegoClient spnego = new TestSpnegoClient(
                    new TestNtlmClient(TestServer.ALICE, TestServer.NETBIOS, "wrong password", 11));
            SessionSetupRequest first = new SessionSetupRequest(0, NegotiateRequest.SIGNING_ENABLED, 0, 0,
                    spnego.init(), 0);
            RawSmbClient.Response r = c.call(RawSmbClient.message(c.header(Smb2Command.SESSION_SETUP), first::encode));
            RawSmbClient.expect(r, NtStatus.MORE_PROCESSING_REQUIRED, "SESSION_SETUP 1");
            c.adopt(r.header().sessionId(), 0);
            byte[] challenge = SessionSetupResponse.decode(r.reader()).securityBuffer();
            SessionSetupRequest second = new SessionSetupRequest(0, NegotiateRequest.SIGNING_ENABLED, 0, 0,
                    spnego.authenticate(challenge), 0);
            c.sendFrame(RawSmbClient.message(c.header(Smb2Command.SESSION_SETUP), second::encode));
            c.adopt(0, 0);
            c.sendFrame(RawSmbClient.message(c.header(Smb2Command.ECHO), new EchoRequest()::encode));
            RawSmbClient.Response firstBack = c.receive();
            assertThat(firstBack.header().command()).as("the ECHO is answered while the logon's answer waits")
                    .isEqualTo(Smb2Command.ECHO.code());
            RawSmbClient.expect(firstBack, NtStatus.SUCCESS, "ECHO");
            RawSmbClient.Response logon = c.receive();
            assertThat(logon.header().command()).isEqualTo(Smb2Command.SESSION_SETUP.code());
            RawSmbClient.expect(logon, NtStatus.LOGON_FAILURE, "wrong password");
        }
    }

    @Test
    void unsignedCancelOnSigningRequiredSessionIsIgnored() throws Exception {
        try (TestServer server = TestServer.builder().signingRequired(true).start()) {
            Files.createDirectory(server.shareDir().resolve("watched"));
            try (RawSmbClient c = RawSmbClient.loggedOn(server, "share", true)) {
                RawSmbClient.Response dir = c.create("watched", RawSmbClient.FILE_READ_DATA, ShareAccess.ALL,
                        CreateDisposition.OPEN, CreateOptions.FILE_DIRECTORY_FILE);
                RawSmbClient.expect(dir, NtStatus.SUCCESS, "open directory");
                FileId id = RawSmbClient.fileId(dir);
                ChangeNotifyRequest n = new ChangeNotifyRequest(0, 4096, id,
                        ChangeNotifyRequest.FILE_NOTIFY_CHANGE_FILE_NAME);
                Smb2Header nh = c.header(Smb2Command.CHANGE_NOTIFY);
                RawSmbClient.Response pending = c.call(RawSmbClient.message(nh, n::encode));
                RawSmbClient.expect(pending, NtStatus.PENDING, "CHANGE_NOTIFY");
                long asyncId = pending.header().asyncId();

                Smb2Header cancel = new Smb2Header(0, 0, Smb2Command.CANCEL.code(), 0,
                        Smb2Header.FLAG_ASYNC_COMMAND, 0, nh.messageId(), asyncId, 0, 0, c.sessionId());
                c.sendFrame(RawSmbClient.message(cancel, new CancelRequest()::encode)); // unsigned
                byte[] badlySigned = RawSmbClient.message(cancel.withFlags(
                        Smb2Header.FLAG_ASYNC_COMMAND | Smb2Header.FLAG_SIGNED), new CancelRequest()::encode);
                c.sendFrame(badlySigned); // signed with zeros
                // Requests are answered in order: had either CANCEL been honoured, the notify's
                // STATUS_CANCELLED would arrive before the ECHO's reply.
                RawSmbClient.Response next = c.call(RawSmbClient.message(c.header(Smb2Command.ECHO),
                        new EchoRequest()::encode));
                assertThat(next.header().command()).isEqualTo(Smb2Command.ECHO.code());
                RawSmbClient.expect(next, NtStatus.SUCCESS, "ECHO");

                c.sendFrame(c.sign(RawSmbClient.message(cancel, new CancelRequest()::encode)));
                RawSmbClient.Response cancelled = c.receive();
                assertThat(cancelled.header().asyncId()).isEqualTo(asyncId);
                RawSmbClient.expect(cancelled, NtStatus.CANCELLED, "signed CANCEL");
            }
        }
    }
}
