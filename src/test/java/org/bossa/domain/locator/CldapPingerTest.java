package org.bossa.domain.locator;

import static org.assertj.core.api.Assertions.assertThat;

import com.unboundid.ldap.sdk.Filter;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The UDP side of the ping against a fake CLDAP service on loopback. */
class CldapPingerTest {
    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    @Test
    void answersWithTheDecodedResponse() throws Exception {
        byte[] blob = PingVectors.netlogon("answer.0e");
        try (FakeCldapServer server = new FakeCldapServer(m -> List.of(FakeCldapServer.answer(m.getMessageID(), blob)))) {
            PingResult r = new CldapPinger(server.port()).ping(LOOPBACK, "example.test", Duration.ofSeconds(2));

            assertThat(r).isInstanceOfSatisfying(PingResult.Answered.class, a -> {
                assertThat(a.address()).isEqualTo(LOOPBACK);
                assertThat(a.response().dnsHostName()).isEqualTo("dc1.example.test");
                assertThat(a.response().dcSockAddr()).contains(InetAddress.ofLiteral("127.0.0.2"));
            });
            assertThat(server.requests).hasSize(1);
            assertThat(server.requests.getFirst().getSearchRequestProtocolOp().getFilter()).isEqualTo(
                    Filter.createANDFilter(Filter.createEqualityFilter("DnsDomain", "example.test"),
                            Filter.createEqualityFilter("NtVer", new byte[] {0x0e, 0, 0, 0})));
        }
    }

    @Test
    void silentServerTimesOutOnTimeAfterOneResend() throws Exception {
        try (FakeCldapServer server = new FakeCldapServer(m -> null)) {
            long start = System.nanoTime();
            PingResult r = new CldapPinger(server.port()).ping(LOOPBACK, "example.test", Duration.ofMillis(400));
            long ms = (System.nanoTime() - start) / 1_000_000;

            assertThat(r).isEqualTo(new PingResult.Failed(LOOPBACK, "timeout after 400 ms"));
            assertThat(ms).isBetween(390L, 900L);
            assertThat(server.requests).hasSize(2);
            assertThat(server.requests.get(1).getMessageID()).isEqualTo(server.requests.get(0).getMessageID());
        }
    }

    @Test
    void ignoresAnswersToOtherMessagesAndTakesItsOwn() throws Exception {
        byte[] blob = PingVectors.netlogon("answer.06");
        try (FakeCldapServer server = new FakeCldapServer(m -> List.of(
                FakeCldapServer.answer(m.getMessageID() + 1, new byte[] {1, 2, 3}),
                FakeCldapServer.answer(m.getMessageID(), blob)))) {
            PingResult r = new CldapPinger(server.port()).ping(LOOPBACK, "example.test", Duration.ofSeconds(2));

            assertThat(r).isInstanceOf(PingResult.Answered.class);
        }
    }

    @Test
    void reportsAMalformedAnswerWhenNothingBetterCame() throws Exception {
        try (FakeCldapServer server = new FakeCldapServer(m -> List.of(
                FakeCldapServer.answer(m.getMessageID(), new byte[] {23, 0, 0})))) {
            PingResult r = new CldapPinger(server.port()).ping(LOOPBACK, "example.test", Duration.ofMillis(300));

            assertThat(r).isEqualTo(new PingResult.Failed(LOOPBACK,
                    "malformed answer: Sbz at offset 2: needs 2 bytes, 1 left"));
        }
    }

    @Test
    void aDcOfAnotherDomainIsNamedAtOnce() throws Exception {
        try (FakeCldapServer server = new FakeCldapServer(m -> List.of(FakeCldapServer.done(m.getMessageID(),
                com.unboundid.ldap.sdk.ResultCode.SUCCESS)))) {
            long start = System.nanoTime();
            PingResult r = new CldapPinger(server.port()).ping(LOOPBACK, "other.test", Duration.ofSeconds(2));

            assertThat(r).isEqualTo(new PingResult.Failed(LOOPBACK,
                    "no Netlogon value in the answer: not a DC of other.test"));
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
        }
    }

    @Test
    void closedPortIsUnreachableAtOnce() throws Exception {
        int port;
        try (DatagramSocket s = new DatagramSocket(0, LOOPBACK)) {
            port = s.getLocalPort();
        }
        long start = System.nanoTime();
        PingResult r = new CldapPinger(port).ping(LOOPBACK, "example.test", Duration.ofSeconds(2));

        assertThat(r).isEqualTo(new PingResult.Failed(LOOPBACK, "port " + port + "/udp unreachable"));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
    }
}
