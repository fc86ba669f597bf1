package org.bossa.domain.locator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.DatagramSocket;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** SRV and address lookups through the JNDI provider against fake DNS servers on loopback. */
class JndiDnsResolverTest {
    private static final Duration SECOND = Duration.ofSeconds(1);

    @Test
    void readsSrvRecords() throws Exception {
        try (FakeDnsServer dns = new FakeDnsServer((name, type) -> name.equals("_ldap._tcp.dc._msdcs.example.test")
                && type == FakeDnsServer.SRV ? FakeDnsServer.Reply.records(FakeDnsServer.SRV,
                FakeDnsServer.srv(0, 100, 389, "dc1.example.test"), FakeDnsServer.srv(10, 5, 3890, "dc2.example.test"))
                : FakeDnsServer.Reply.nxdomain())) {
            JndiDnsResolver resolver = new JndiDnsResolver(List.of(dns.address()), SECOND);

            assertThat(resolver.srv("_ldap._tcp.dc._msdcs.example.test", Deadline.after(SECOND)))
                    .containsExactlyInAnyOrder(new SrvRecord(0, 100, 389, "dc1.example.test"),
                            new SrvRecord(10, 5, 3890, "dc2.example.test"));
        }
    }

    @Test
    void noSuchNameAndNoRecordAreNamed() throws Exception {
        try (FakeDnsServer dns = new FakeDnsServer((name, type) -> name.startsWith("nope")
                ? FakeDnsServer.Reply.nxdomain() : new FakeDnsServer.Reply(0, type, List.of()))) {
            JndiDnsResolver resolver = new JndiDnsResolver(List.of(dns.address()), SECOND);

            assertThatThrownBy(() -> resolver.srv("nope.example.test", Deadline.after(SECOND)))
                    .isInstanceOfSatisfying(LocatorException.class,
                            e -> assertThat(e.cause()).isEqualTo(LocatorException.Cause.DNS_NO_RECORD))
                    .hasMessage("no DNS SRV record nope.example.test (DNS server " + dns.address()
                            + ": name does not exist)");
            assertThatThrownBy(() -> resolver.srv("empty.example.test", Deadline.after(SECOND)))
                    .hasMessage("no DNS SRV record empty.example.test (DNS server " + dns.address() + ")");
            assertThatThrownBy(() -> resolver.addresses("nope.example.test", Deadline.after(SECOND)))
                    .isInstanceOfSatisfying(LocatorException.class,
                            e -> assertThat(e.cause()).isEqualTo(LocatorException.Cause.HOST_NOT_FOUND))
                    .hasMessage("nope.example.test has no address (DNS server " + dns.address()
                            + ": name does not exist)");
        }
    }

    @Test
    void addressesComeFromTheSameServersIpv4First() throws Exception {
        try (FakeDnsServer dns = new FakeDnsServer((name, type) -> switch (type) {
            case FakeDnsServer.A -> FakeDnsServer.Reply.records(type, FakeDnsServer.ip("10.1.2.3"));
            case FakeDnsServer.AAAA -> FakeDnsServer.Reply.records(type, FakeDnsServer.ip("fd00::3"));
            default -> FakeDnsServer.Reply.nxdomain();
        })) {
            List<InetAddress> found = new JndiDnsResolver(List.of(dns.address()), SECOND)
                    .addresses("dc1.example.test", Deadline.after(SECOND));

            assertThat(found).containsExactly(InetAddress.getByAddress("dc1.example.test", FakeDnsServer.ip("10.1.2.3")),
                    InetAddress.getByAddress("dc1.example.test", FakeDnsServer.ip("fd00::3")));
            assertThat(found.getFirst().getHostName()).isEqualTo("dc1.example.test");
        }
    }

    @Test
    void anIpLiteralNeedsNoQuery() throws Exception {
        JndiDnsResolver resolver = new JndiDnsResolver(List.of(DnsServerAddress.parse("127.0.0.1:9")), SECOND);
        assertThat(resolver.addresses("10.0.0.7", Deadline.after(SECOND))).containsExactly(InetAddress.ofLiteral("10.0.0.7"));
    }

    @Test
    void aSilentServerTimesOutAndTheNextIsAsked() throws Exception {
        try (FakeDnsServer silent = new FakeDnsServer((name, type) -> null);
             FakeDnsServer good = new FakeDnsServer((name, type) -> FakeDnsServer.Reply.records(FakeDnsServer.SRV,
                     FakeDnsServer.srv(0, 0, 88, "kdc.example.test")))) {
            JndiDnsResolver resolver = new JndiDnsResolver(List.of(silent.address(), good.address()),
                    Duration.ofMillis(300));
            long start = System.nanoTime();

            assertThat(resolver.srv("_kerberos._tcp.example.test", Deadline.after(Duration.ofSeconds(5))))
                    .containsExactly(new SrvRecord(0, 0, 88, "kdc.example.test"));
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isBetween(Duration.ofMillis(290),
                    Duration.ofMillis(1500));
        }
    }

    @Test
    void everyServerFailingIsListed() throws Exception {
        int closed;
        try (DatagramSocket s = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            closed = s.getLocalPort();
        }
        try (FakeDnsServer silent = new FakeDnsServer((name, type) -> null);
             FakeDnsServer failing = new FakeDnsServer((name, type) -> new FakeDnsServer.Reply(2, type, List.of()))) {
            DnsServerAddress unreachable = new DnsServerAddress(InetAddress.getLoopbackAddress(), closed);
            JndiDnsResolver resolver = new JndiDnsResolver(List.of(silent.address(), unreachable, failing.address()),
                    Duration.ofMillis(300));

            assertThatThrownBy(() -> resolver.srv("_ldap._tcp.dc._msdcs.example.test",
                    Deadline.after(Duration.ofSeconds(5))))
                    .isInstanceOfSatisfying(LocatorException.class,
                            e -> assertThat(e.cause()).isEqualTo(LocatorException.Cause.DNS_FAILURE))
                    .hasMessage("DNS server " + silent.address() + " did not answer within 300 ms; DNS server "
                            + unreachable + ": port " + closed + "/udp unreachable; DNS server " + failing.address()
                            + ": server failure (SRV _ldap._tcp.dc._msdcs.example.test)");
        }
    }

    @Test
    void onlyTimeoutsAreATimeoutAndTheBudgetCutsTheList() throws Exception {
        try (FakeDnsServer a = new FakeDnsServer((name, type) -> null);
             FakeDnsServer b = new FakeDnsServer((name, type) -> null)) {
            JndiDnsResolver resolver = new JndiDnsResolver(List.of(a.address(), b.address()), Duration.ofSeconds(2));
            long start = System.nanoTime();

            assertThatThrownBy(() -> resolver.srv("_ldap._tcp.dc._msdcs.example.test",
                    Deadline.after(Duration.ofMillis(400))))
                    .isInstanceOfSatisfying(LocatorException.class,
                            e -> assertThat(e.cause()).isEqualTo(LocatorException.Cause.DNS_TIMEOUT))
                    .hasMessageStartingWith("DNS server " + a.address() + " did not answer within")
                    .hasMessageContaining("DNS server " + b.address() + " not asked: time budget of 400 ms spent");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(1000));
        }
    }
}
