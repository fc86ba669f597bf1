package org.bossa.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufAllocatorMetricProvider;
import org.bossa.auth.TestNtlmClient;
import org.bossa.auth.TestSpnegoClient;
import org.bossa.smb2.server.ServerLimits;
import org.bossa.smb2.wire.ChangeNotifyRequest;
import org.bossa.smb2.wire.CreateDisposition;
import org.bossa.smb2.wire.CreateOptions;
import org.bossa.smb2.wire.EchoRequest;
import org.bossa.smb2.wire.FileId;
import org.bossa.smb2.wire.NegotiateRequest;
import org.bossa.smb2.wire.NtStatus;
import org.bossa.smb2.wire.ReadRequest;
import org.bossa.smb2.wire.SessionSetupRequest;
import org.bossa.smb2.wire.ShareAccess;
import org.bossa.smb2.wire.Smb2Command;
import org.bossa.smb2.wire.Smb2Header;
import org.junit.jupiter.api.Test;

/**
 * Hostile clients meet their limits while another client is served: one that pipelines large READs
 * and never reads its socket (write backpressure), one that opens thousands of unfinished sessions
 * (sessions per connection) and many connections (connections per address), one that holds
 * thousands of CHANGE_NOTIFY requests (pending async requests). The server's heap is measured in
 * this JVM: memory bounds, not timings.
 */
class ResourceLimitsIT {
    private static final int MIB = 1024 * 1024;
    private static final long HEAP_GROWTH_BOUND = 256L * MIB;

    @Test
    void clientThatNeverReadsItsRepliesMeetsBackpressureWhileAnotherClientReads() throws Exception {
        try (TestServer server = TestServer.start()) {
            byte[] content = new byte[8 * MIB];
            new java.util.Random(1).nextBytes(content);
            Files.write(server.shareDir().resolve("big.bin"), content);
            long before = usedHeap();
            try (RawSmbClient hog = RawSmbClient.loggedOn(server, "share")) {
                FileId id = RawSmbClient.fileId(hog.openForRead("big.bin"));
                // Ask for every credit the server gives (8192), then spend them on 64 READs of 8 MiB:
                // 512 MiB of replies, sent without reading one byte of them.
                Smb2Header echo = new Smb2Header(1, 0, Smb2Command.ECHO.code(), 8192, 0, 0, hog.nextMessageId(), 0,
                        0xFEFF, hog.treeId(), hog.sessionId());
                hog.header(Smb2Command.ECHO); // consumes the MessageId used above
                RawSmbClient.expect(hog.call(RawSmbClient.message(echo, new EchoRequest()::encode)),
                        NtStatus.SUCCESS, "ECHO asking for credits");
                for (int i = 0; i < 63; i++) {
                    ReadRequest read = ReadRequest.of(id, 0, 8 * MIB);
                    hog.sendFrame(RawSmbClient.message(hog.header(Smb2Command.READ, 128), read::encode));
                }
                // Meanwhile another client's transfers complete; memory is sampled all along, and
                // once more after giving the server time to produce every reply it would buffer.
                long peak = 0;
                try (RawSmbClient other = RawSmbClient.loggedOn(server, "share")) {
                    FileId oid = RawSmbClient.fileId(other.openForRead("big.bin"));
                    for (int pass = 0; pass < 3; pass++) {
                        for (int off = 0; off < content.length; off += MIB) {
                            RawSmbClient.Response r = other.call(RawSmbClient.message(
                                    other.header(Smb2Command.READ, 16), ReadRequest.of(oid, off, MIB)::encode));
                            RawSmbClient.expect(r, NtStatus.SUCCESS, "READ by the other client");
                        }
                        peak = Math.max(peak, usedHeap() - before);
                    }
                }
                Thread.sleep(3000); // not a timing assertion: lets an unbounded server fill its buffers
                long growth = Math.max(peak, usedHeap() - before);
                System.out.printf("backpressure: heap and buffer growth %d MiB with 63 x 8 MiB READ replies unread%n",
                        growth / MIB);
                assertThat(growth).as("heap growth with 504 MiB of replies unread").isLessThan(HEAP_GROWTH_BOUND);
                // Held back, not dropped: every reply arrives once the client reads.
                for (int i = 0; i < 63; i++) {
                    RawSmbClient.Response r = hog.receive();
                    RawSmbClient.expect(r, NtStatus.SUCCESS, "READ " + i);
                    assertThat(r.message().length).isEqualTo(org.bossa.smb2.wire.ReadResponse.DATA_OFFSET + 8 * MIB);
                }
            }
            awaitNoOpenFiles(server);
        }
    }

    @Test
    void thousandsOfUnfinishedSessionsMeetTheSessionLimit() throws Exception {
        try (TestServer server = TestServer.start();
             RawSmbClient hog = new RawSmbClient(server)) {
            hog.negotiate();
            int limit = server.config().limits().maxSessionsPerConnection();
            int accepted = 0;
            int refused = 0;
            for (int i = 0; i < 2000; i++) {
                TestSpnegoClient spnego = new TestSpnegoClient(
                        new TestNtlmClient(TestServer.ALICE, TestServer.NETBIOS, "x", 11));
                SessionSetupRequest first = new SessionSetupRequest(0, NegotiateRequest.SIGNING_ENABLED, 0, 0,
                        spnego.init(), 0);
                hog.adopt(0, 0);
                RawSmbClient.Response r = hog.call(RawSmbClient.message(hog.header(Smb2Command.SESSION_SETUP),
                        first::encode));
                if (r.status() == NtStatus.MORE_PROCESSING_REQUIRED) {
                    accepted++;
                } else {
                    RawSmbClient.expect(r, NtStatus.INSUFFICIENT_RESOURCES, "session over the limit");
                    refused++;
                }
            }
            assertThat(accepted).isEqualTo(limit);
            assertThat(refused).isEqualTo(2000 - limit);
            assertThat(server.sessionCount()).isLessThanOrEqualTo(limit);
            try (RawSmbClient other = RawSmbClient.loggedOn(server, "share")) {
                HostileClientFixture.assertStatus(other.echo(), NtStatus.SUCCESS);
            }
        }
    }

    @Test
    void connectionsFromOneAddressMeetThePerAddressLimit() throws Exception {
        ServerLimits d = ServerLimits.DEFAULTS;
        ServerLimits eight = new ServerLimits(d.maxConnections(), 8, d.maxSessionsPerConnection(), d.authTimeout(),
                d.firstSessionTimeout(), d.sessionlessIdleTimeout(), d.maxOpensPerSession(), d.maxPendingAsync(),
                d.maxPipeBufferBytes(), d.failedLogonDelay(), d.maxDelayedLogonsPerAddress(), d.maxTreesPerSession());
        try (TestServer server = TestServer.builder().limits(eight).start()) {
            List<RawSmbClient> clients = new ArrayList<>();
            int served = 0;
            try {
                for (int i = 0; i < 40; i++) {
                    RawSmbClient c = new RawSmbClient(server);
                    clients.add(c);
                    try {
                        c.negotiate();
                        served++;
                    } catch (IOException e) {
                        // closed at accept: end of stream or reset
                    }
                }
                assertThat(served).isEqualTo(8);
            } finally {
                clients.forEach(RawSmbClient::close);
            }
            // The closed ones are counted down again: a new client is served once the others left.
            poll(() -> server.connectionCount() == 0, "connections counted down");
            try (RawSmbClient again = RawSmbClient.loggedOn(server, "share")) {
                HostileClientFixture.assertStatus(again.echo(), NtStatus.SUCCESS);
            }
        }
    }

    @Test
    void treeConnectsOfOneSessionMeetTheirLimit() throws Exception {
        ServerLimits d = ServerLimits.DEFAULTS;
        ServerLimits four = new ServerLimits(d.maxConnections(), d.maxConnectionsPerAddress(),
                d.maxSessionsPerConnection(), d.authTimeout(), d.firstSessionTimeout(), d.sessionlessIdleTimeout(),
                d.maxOpensPerSession(), d.maxPendingAsync(), d.maxPipeBufferBytes(), d.failedLogonDelay(),
                d.maxDelayedLogonsPerAddress(), 4);
        try (TestServer server = TestServer.builder().limits(four).start();
             RawSmbClient c = new RawSmbClient(server)) {
            c.negotiate();
            c.sessionSetup(TestServer.ALICE, TestServer.ALICE_PASSWORD);
            String unc = "\\\\" + server.host() + "\\share";
            for (int i = 0; i < 4; i++) {
                HostileClientFixture.assertStatus(c.treeConnectPath(unc), NtStatus.SUCCESS);
            }
            HostileClientFixture.assertStatus(c.treeConnectPath(unc), NtStatus.INSUFFICIENT_RESOURCES);
            HostileClientFixture.assertStatus(c.echo(), NtStatus.SUCCESS); // refused, not dropped
        }
    }

    @Test
    void thousandsOfPendingNotifiesMeetThePendingAsyncLimit() throws Exception {
        try (TestServer server = TestServer.start()) {
            Files.createDirectory(server.shareDir().resolve("watched"));
            Files.writeString(server.shareDir().resolve("hello.txt"), "hello\n");
            int limit = server.config().limits().maxPendingAsync();
            long before = usedHeap();
            try (RawSmbClient hog = RawSmbClient.loggedOn(server, "share")) {
                RawSmbClient.Response dir = hog.create("watched", RawSmbClient.FILE_READ_DATA, ShareAccess.ALL,
                        CreateDisposition.OPEN, CreateOptions.FILE_DIRECTORY_FILE);
                RawSmbClient.expect(dir, NtStatus.SUCCESS, "open directory");
                FileId id = RawSmbClient.fileId(dir);
                int pending = 0;
                int refused = 0;
                for (int i = 0; i < limit + 1000; i++) {
                    ChangeNotifyRequest n = new ChangeNotifyRequest(0, 4096, id,
                            ChangeNotifyRequest.FILE_NOTIFY_CHANGE_FILE_NAME);
                    RawSmbClient.Response r = hog.call(RawSmbClient.message(hog.header(Smb2Command.CHANGE_NOTIFY),
                            n::encode));
                    if (r.status() == NtStatus.PENDING) {
                        pending++;
                    } else {
                        RawSmbClient.expect(r, NtStatus.INSUFFICIENT_RESOURCES, "notify over the limit");
                        refused++;
                    }
                }
                assertThat(pending).isEqualTo(limit);
                assertThat(refused).isEqualTo(1000);
                try (RawSmbClient other = RawSmbClient.loggedOn(server, "share")) {
                    HostileClientFixture.assertStillServes(other);
                }
                long growth = usedHeap() - before;
                System.out.printf("pending notifies: heap and buffer growth %d MiB with %d pending%n", growth / MIB, pending);
                assertThat(growth).isLessThan(HEAP_GROWTH_BOUND);
            }
            awaitNoOpenFiles(server);
        }
    }

    static void awaitNoOpenFiles(TestServer server) throws InterruptedException {
        poll(() -> server.openFileCount() == 0, "every open released after the connections closed");
    }

    /** Waits up to a minute for {@code condition}; fails with {@code what} if it never holds. */
    static void poll(java.util.function.BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("never happened: " + what);
            }
            Thread.sleep(50);
        }
    }

    /**
     * Heap in use plus Netty's pooled buffer memory: under epoll a reply is copied into a direct
     * buffer to be written, so replies that do not drain pile up there rather than on the heap.
     */
    private static long usedHeap() {
        Runtime rt = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        long buffers = 0;
        if (ByteBufAllocator.DEFAULT instanceof ByteBufAllocatorMetricProvider p) {
            buffers = p.metric().usedDirectMemory() + p.metric().usedHeapMemory();
        }
        return rt.totalMemory() - rt.freeMemory() + buffers;
    }
}
