package org.bossa.kerberos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class KdcTransportTest {
    private static final byte[] TCP_ANSWER = {0x6B, 0x01, 0x02};
    private static final byte[] UDP_ANSWER = {0x6B, 0x03, 0x04};
    private static final Duration SHORT = Duration.ofMillis(300);

    @Test
    void smallRequestsGoOverUdp() throws Exception {
        try (FakeKdc kdc = new FakeKdc(r -> UDP_ANSWER, r -> TCP_ANSWER)) {
            KdcTransport.Reply reply = new KdcTransport(List.of(kdc.address()), SHORT).send(new byte[100]);
            assertThat(reply.message()).isEqualTo(UDP_ANSWER);
            assertThat(reply.kdc()).isEqualTo(kdc.address());
            assertThat(kdc.tcpRequests).hasValue(0);
        }
    }

    @Test
    void responseTooBigOverUdpIsRetriedOverTcp() throws Exception {
        try (FakeKdc kdc = new FakeKdc(r -> FakeKdc.krbError(KrbErrorMessage.KRB_ERR_RESPONSE_TOO_BIG), r -> TCP_ANSWER)) {
            assertThat(new KdcTransport(List.of(kdc.address()), SHORT).send(new byte[100]).message())
                    .isEqualTo(TCP_ANSWER);
            assertThat(kdc.udpRequests).hasValue(1);
            assertThat(kdc.tcpRequests).hasValue(1);
        }
    }

    @Test
    void otherUdpErrorsAreReturnedAsTheyAre() throws Exception {
        byte[] preauthRequired = FakeKdc.krbError(KrbErrorMessage.KDC_ERR_PREAUTH_REQUIRED);
        try (FakeKdc kdc = new FakeKdc(r -> preauthRequired, r -> TCP_ANSWER)) {
            assertThat(new KdcTransport(List.of(kdc.address()), SHORT).send(new byte[100]).message())
                    .isEqualTo(preauthRequired);
        }
    }

    @Test
    void aSilentUdpPortFallsBackToTcp() throws Exception {
        try (FakeKdc kdc = new FakeKdc(null, r -> TCP_ANSWER)) {
            assertThat(new KdcTransport(List.of(kdc.address()), SHORT).send(new byte[100]).message())
                    .isEqualTo(TCP_ANSWER);
        }
    }

    @Test
    void largeRequestsGoStraightToTcp() throws Exception {
        try (FakeKdc kdc = new FakeKdc(r -> UDP_ANSWER, r -> TCP_ANSWER)) {
            byte[] big = new byte[KdcTransport.UDP_PREFERENCE_LIMIT + 1];
            assertThat(new KdcTransport(List.of(kdc.address()), SHORT).send(big).message()).isEqualTo(TCP_ANSWER);
            assertThat(kdc.udpRequests).hasValue(0);
        }
    }

    @Test
    void theNextKdcIsTriedWhenOneIsDown() throws Exception {
        KdcAddress dead = deadAddress();
        try (FakeKdc kdc = new FakeKdc(r -> UDP_ANSWER, r -> TCP_ANSWER)) {
            KdcTransport.Reply reply = new KdcTransport(List.of(dead, kdc.address()), SHORT).send(new byte[10]);
            assertThat(reply.kdc()).isEqualTo(kdc.address());
        }
    }

    @Test
    void noAnswerNamesEachAddressAndTheTimeout() throws Exception {
        KdcAddress dead = deadAddress();
        long start = System.nanoTime();
        assertThatThrownBy(() -> new KdcTransport(List.of(dead, new KdcAddress("no-such-host.invalid", 88)), SHORT)
                .send(new byte[10]))
                .isInstanceOfSatisfying(KerberosException.class, e -> {
                    assertThat(e.failure()).isEqualTo(KerberosFailure.KDC_UNREACHABLE);
                    assertThat(e.getMessage()).startsWith("KDC unreachable: ").contains(dead.toString())
                            .contains("no-such-host.invalid:88").contains("cannot resolve").contains("300 ms");
                });
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void oversizedTcpReplyLengthsAreRefused() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread t = Thread.ofVirtual().start(() -> {
                try (var s = server.accept()) {
                    s.getInputStream().readNBytes(14);
                    s.getOutputStream().write(new byte[] {(byte) 0x80, 0, 0, 0});
                    s.getOutputStream().flush();
                    Thread.sleep(500);
                } catch (Exception ignored) {
                    // the client hung up
                }
            });
            KdcAddress addr = new KdcAddress("127.0.0.1", server.getLocalPort());
            assertThatThrownBy(() -> KdcTransport.tcpExchange(addr, new byte[10], SHORT))
                    .hasMessageContaining("out of range");
            t.join(2000);
        }
    }

    /** A loopback port with nothing listening on UDP or TCP. */
    private static KdcAddress deadAddress() throws Exception {
        int port;
        try (DatagramSocket probe = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        return new KdcAddress("127.0.0.1", port);
    }
}
