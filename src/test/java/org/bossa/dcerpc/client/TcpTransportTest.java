package org.bossa.dcerpc.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.bossa.dcerpc.PduHeader;
import org.bossa.dcerpc.SyntaxId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** ncacn_ip_tcp against a scripted peer on 127.0.0.1: framing, connect failures, timeouts, loss. */
class TcpTransportTest {
    private static final Duration SHORT = Duration.ofMillis(300);
    private static final SyntaxId IFACE = new SyntaxId(UUID.fromString("12345678-1234-abcd-ef00-01234567cffb"), 1, 0);
    private ServerSocket server;

    @BeforeEach
    void listen() throws Exception {
        server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    private InetSocketAddress address() {
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), server.getLocalPort());
    }

    /** Accepts one connection and runs {@code peer} on it in the background. */
    private CompletableFuture<Void> peer(PeerScript peer) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        Thread.ofVirtual().start(() -> {
            try (Socket s = server.accept()) {
                peer.run(s.getInputStream(), s.getOutputStream());
                done.complete(null);
            } catch (Exception e) {
                done.completeExceptionally(e);
            }
        });
        return done;
    }

    private interface PeerScript {
        void run(InputStream in, OutputStream out) throws Exception;
    }

    private static byte[] readPdu(InputStream in) throws Exception {
        byte[] h = in.readNBytes(16);
        return concat(h, in.readNBytes(PduHeader.peekFragLength(h, 0) - 16));
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    @Test
    void exchangesPdusSplitAcrossSegments() throws Exception {
        CompletableFuture<Void> p = peer((in, out) -> {
            readPdu(in);
            byte[] ack = ServerPdus.bindAck(1, 5840, 5840);
            // dribble the bind_ack out in three writes
            out.write(ack, 0, 5);
            out.flush();
            Thread.sleep(20);
            out.write(ack, 5, 20);
            out.flush();
            Thread.sleep(20);
            out.write(ack, 25, ack.length - 25);
            byte[] req = readPdu(in);
            out.write(ServerPdus.response(ServerPdus.FIRST_LAST, 2, 0, Arrays.copyOfRange(req, 24, req.length)));
            out.flush();
            in.read(); // until the client closes
        });
        try (RpcClientConnection c = RpcClientConnection.connect(address(), RpcClientOptions.defaults())) {
            c.bind(IFACE, Optional.empty());
            assertThat(c.call(1, new byte[] {4, 5, 6})).containsExactly(4, 5, 6);
            assertThat(c.peer()).endsWith(":" + server.getLocalPort());
        }
        p.get(5, TimeUnit.SECONDS);
    }

    @Test
    void aRefusedConnectionIsConnectFailed() throws Exception {
        InetSocketAddress gone = address();
        server.close();
        assertThatThrownBy(() -> RpcClientConnection.connect(gone, RpcClientOptions.defaults()))
                .isInstanceOfSatisfying(RpcTransportException.class,
                        e -> assertThat(e.kind()).isEqualTo(RpcTransportException.Kind.CONNECT_FAILED));
    }

    @Test
    void anUnresolvableHostIsConnectFailed() {
        assertThatThrownBy(() -> RpcClientConnection.connect("no-such-host.invalid", 135, RpcClientOptions.defaults()))
                .isInstanceOfSatisfying(RpcTransportException.class,
                        e -> assertThat(e.kind()).isEqualTo(RpcTransportException.Kind.CONNECT_FAILED));
    }

    @Test
    void aSilentServerTimesOut() throws Exception {
        CompletableFuture<Void> p = peer((in, out) -> in.readAllBytes()); // reads, never answers
        RpcClientOptions quick = RpcClientOptions.defaults().withTimeouts(Duration.ofSeconds(2), SHORT);
        RpcClientConnection c = RpcClientConnection.connect(address(), quick);
        long start = System.nanoTime();
        assertThatThrownBy(() -> c.bind(IFACE, Optional.empty()))
                .isInstanceOfSatisfying(RpcTransportException.class,
                        e -> assertThat(e.kind()).isEqualTo(RpcTransportException.Kind.TIMEOUT));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
        assertThat(c.isOpen()).isFalse();
        p.get(5, TimeUnit.SECONDS);
    }

    @Test
    void aConnectionClosedInsideAPduIsClosed() throws Exception {
        CompletableFuture<Void> p = peer((in, out) -> {
            readPdu(in);
            out.write(Arrays.copyOf(ServerPdus.bindAck(1, 5840, 5840), 30));
        });
        RpcClientConnection c = RpcClientConnection.connect(address(), RpcClientOptions.defaults());
        assertThatThrownBy(() -> c.bind(IFACE, Optional.empty()))
                .isInstanceOfSatisfying(RpcTransportException.class, e -> {
                    assertThat(e.kind()).isEqualTo(RpcTransportException.Kind.CLOSED);
                    assertThat(e.getMessage()).contains("inside a PDU");
                });
        p.get(5, TimeUnit.SECONDS);
    }

    @Test
    void aFragLengthAboveTheLimitIsRefusedBeforeReading() throws Exception {
        CompletableFuture<Void> p = peer((in, out) -> {
            readPdu(in);
            byte[] ack = ServerPdus.bindAck(1, 5840, 5840);
            ack[8] = (byte) 0xFF;
            ack[9] = (byte) 0xFF; // 65535, above the 5840 offered
            out.write(ack);
            in.read();
        });
        RpcClientConnection c = RpcClientConnection.connect(address(), RpcClientOptions.defaults());
        assertThatThrownBy(() -> c.bind(IFACE, Optional.empty())).isInstanceOf(RpcProtocolException.class)
                .hasMessageContaining("frag_length 65535");
        p.get(5, TimeUnit.SECONDS);
    }

    @Test
    void closeFromAnotherThreadFailsTheCallInProgress() throws Exception {
        CompletableFuture<Void> p = peer((in, out) -> {
            readPdu(in);
            out.write(ServerPdus.bindAck(1, 5840, 5840));
            readPdu(in);
            in.read(); // never answers the call
        });
        RpcClientConnection c = RpcClientConnection.connect(address(), RpcClientOptions.defaults());
        c.bind(IFACE, Optional.empty());
        Thread.ofVirtual().start(() -> {
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            c.close();
        });
        assertThatThrownBy(() -> c.call(1, new byte[4]))
                .isInstanceOfSatisfying(RpcTransportException.class,
                        e -> assertThat(e.kind()).isEqualTo(RpcTransportException.Kind.CLOSED));
        p.get(5, TimeUnit.SECONDS);
    }
}
