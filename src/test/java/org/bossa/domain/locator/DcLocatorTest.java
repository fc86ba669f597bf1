package org.bossa.domain.locator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** The locator's choices and failures, with DNS and the ping replaced by fakes. */
class DcLocatorTest {
    private static final UUID GUID = UUID.fromString("f02d470a-a8d9-417f-967b-13a1039aa202");
    private static final int FULL = DsFlag.bits(EnumSet.of(DsFlag.PDC, DsFlag.GC, DsFlag.LDAP, DsFlag.DS,
            DsFlag.KDC, DsFlag.TIMESERV, DsFlag.CLOSEST, DsFlag.WRITABLE, DsFlag.GOOD_TIMESERV));
    private static final Set<Requirement> JOIN = EnumSet.of(Requirement.WRITABLE, Requirement.KDC);

    private final FakeDns dns = new FakeDns();
    private final Map<InetAddress, Function<Duration, PingResult>> dcs = new HashMap<>();
    private LocatorConfig config = LocatorConfig.defaults();

    private DcLocator locator() {
        NetlogonPinger pinger = (address, domain, timeout) -> {
            assertThat(domain).isEqualTo("example.test");
            Function<Duration, PingResult> dc = dcs.get(address);
            return dc == null ? new PingResult.Failed(address, "port 389/udp unreachable") : dc.apply(timeout);
        };
        return new DcLocator(config, dns, pinger, new Random(7));
    }

    private static InetAddress ip(String s) {
        return InetAddress.ofLiteral(s);
    }

    private static NetlogonSamLogonResponseEx response(String host, int flags, String dcSite, String clientSite) {
        return new NetlogonSamLogonResponseEx(NetlogonOpcode.LOGON_SAM_LOGON_RESPONSE_EX, flags, GUID, "example.test",
                "example.test", host, "EXAMPLE", host.substring(0, host.indexOf('.')).toUpperCase(), "", dcSite,
                clientSite, Optional.empty(), "", 0x0d, 0xFFFF, 0xFFFF);
    }

    /** A DC at {@code address} answering after {@code delayMs}. */
    private void dc(String address, NetlogonSamLogonResponseEx r, long delayMs) {
        InetAddress a = ip(address);
        dcs.put(a, timeout -> {
            try {
                Thread.sleep(Math.min(delayMs, timeout.toMillis()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new PingResult.Failed(a, "interrupted");
            }
            return delayMs <= timeout.toMillis() ? new PingResult.Answered(a, r)
                    : new PingResult.Failed(a, "timeout after " + Durations.text(timeout));
        });
    }

    @Test
    void findsTheDcThroughSrvRecordsAndThePing() throws Exception {
        dns.srv("_ldap._tcp.dc._msdcs.example.test", new SrvRecord(0, 100, 389, "dc1.example.test"),
                new SrvRecord(10, 100, 389, "dc2.example.test"));
        dns.host("dc1.example.test", "10.0.0.1");
        dns.host("dc2.example.test", "10.0.0.2");
        dc("10.0.0.1", response("dc1.example.test", FULL, "HQ", "HQ"), 0);
        dc("10.0.0.2", response("dc2.example.test", FULL, "HQ", "HQ"), 300);

        DomainController found = locator().locate("EXAMPLE.TEST", JOIN);

        assertThat(found).isEqualTo(new DomainController("dc1.example.test", ip("10.0.0.1"), "DC1", "EXAMPLE",
                "example.test", "example.test", "HQ", "HQ", DsFlag.of(FULL), GUID, Discovery.DNS_SRV));
        assertThat(found.flagSet()).contains(DsFlag.WRITABLE, DsFlag.KDC, DsFlag.CLOSEST);
    }

    @Test
    void aConfiguredListOverridesDiscovery() throws Exception {
        config = config.withControllers(List.of("10.0.0.5"));
        dc("10.0.0.5", response("dc5.example.test", FULL, "HQ", "HQ"), 0);

        DomainController found = locator().locate("example.test", JOIN);

        assertThat(found.hostName()).isEqualTo("dc5.example.test");
        assertThat(found.foundBy()).isEqualTo(Discovery.CONFIGURED);
        assertThat(dns.srvQueries).isEmpty();
    }

    @Test
    void aDcInTheClientsSiteIsPreferred() throws Exception {
        dns.srv("_ldap._tcp.dc._msdcs.example.test", new SrvRecord(0, 100, 389, "dc1.example.test"));
        dns.srv("_ldap._tcp.Branch._sites.dc._msdcs.example.test", new SrvRecord(0, 100, 389, "dc1.example.test"),
                new SrvRecord(0, 100, 389, "dc3.example.test"));
        dns.host("dc1.example.test", "10.0.0.1");
        dns.host("dc3.example.test", "10.0.0.3");
        int notClosest = FULL & ~DsFlag.CLOSEST.bit();
        dc("10.0.0.1", response("dc1.example.test", notClosest, "HQ", "Branch"), 0);
        dc("10.0.0.3", response("dc3.example.test", FULL, "Branch", "Branch"), 0);

        DomainController found = locator().locate("example.test", JOIN);

        assertThat(found.hostName()).isEqualTo("dc3.example.test");
        assertThat(found.foundBy()).isEqualTo(Discovery.DNS_SITE_SRV);
        assertThat(dns.srvQueries).containsExactly("_ldap._tcp.dc._msdcs.example.test",
                "_ldap._tcp.Branch._sites.dc._msdcs.example.test");
    }

    @Test
    void aSiteDcCutShortInTheFirstRoundIsPingedAgain() throws Exception {
        dns.srv("_ldap._tcp.dc._msdcs.example.test", new SrvRecord(0, 100, 389, "dc1.example.test"),
                new SrvRecord(0, 100, 389, "dc3.example.test"));
        dns.srv("_ldap._tcp.Branch._sites.dc._msdcs.example.test", new SrvRecord(0, 100, 389, "dc3.example.test"));
        dns.host("dc1.example.test", "10.0.0.1");
        dns.host("dc3.example.test", "10.0.0.3");
        dc("10.0.0.1", response("dc1.example.test", FULL & ~DsFlag.CLOSEST.bit(), "HQ", "Branch"), 0);
        dc("10.0.0.3", response("dc3.example.test", FULL, "Branch", "Branch"), 150);

        DomainController found = locator().locate("example.test", JOIN);

        assertThat(found.hostName()).isEqualTo("dc3.example.test");
        assertThat(found.foundBy()).isEqualTo(Discovery.DNS_SITE_SRV);
    }

    @Test
    void withoutSiteRecordsTheFirstAnswerStands() throws Exception {
        dns.srv("_ldap._tcp.dc._msdcs.example.test", new SrvRecord(0, 100, 389, "dc1.example.test"));
        dns.host("dc1.example.test", "10.0.0.1");
        dc("10.0.0.1", response("dc1.example.test", FULL & ~DsFlag.CLOSEST.bit(), "HQ", "Branch"), 0);

        DomainController found = locator().locate("example.test", JOIN);

        assertThat(found.hostName()).isEqualTo("dc1.example.test");
        assertThat(found.foundBy()).isEqualTo(Discovery.DNS_SRV);
        assertThat(found.clientSite()).isEqualTo("Branch");
    }

    @Test
    void aSuitableDcWinsOverAFasterUnsuitableOne() throws Exception {
        dns.srv("_ldap._tcp.dc._msdcs.example.test", new SrvRecord(0, 100, 389, "rodc.example.test"),
                new SrvRecord(0, 100, 389, "dc2.example.test"));
        dns.host("rodc.example.test", "10.0.0.9");
        dns.host("dc2.example.test", "10.0.0.2");
        dc("10.0.0.9", response("rodc.example.test", FULL & ~DsFlag.WRITABLE.bit(), "HQ", "HQ"), 0);
        dc("10.0.0.2", response("dc2.example.test", FULL, "HQ", "HQ"), 150);

        assertThat(locator().locate("example.test", JOIN).hostName()).isEqualTo("dc2.example.test");
    }

    @Test
    void aReadOnlyDcIsNamed() {
        config = config.withControllers(List.of("rodc.example.test"));
        dns.host("rodc.example.test", "10.0.0.9");
        dc("10.0.0.9", response("rodc.example.test", FULL & ~DsFlag.WRITABLE.bit(), "HQ", "HQ"), 0);

        assertThatThrownBy(() -> locator().locate("example.test", JOIN))
                .isInstanceOfSatisfying(LocatorException.class,
                        e -> assertThat(e.cause()).isEqualTo(LocatorException.Cause.UNSUITABLE))
                .hasMessage("rodc.example.test is not writable");
    }

    @Test
    void everyUnsuitableDcIsNamed() {
        config = config.withControllers(List.of("10.0.0.1", "10.0.0.2", "10.0.0.3", "10.0.0.4"));
        dc("10.0.0.1", response("dc1.example.test", FULL & ~DsFlag.KDC.bit(), "HQ", "HQ"), 0);
        dc("10.0.0.2", new NetlogonSamLogonResponseEx(NetlogonOpcode.LOGON_SAM_LOGON_RESPONSE_EX, FULL, GUID,
                "other.test", "other.test", "dc2.other.test", "OTHER", "DC2", "", "HQ", "HQ", Optional.empty(), "", 5,
                0xFFFF, 0xFFFF), 100);
        dc("10.0.0.3", new NetlogonSamLogonResponseEx(NetlogonOpcode.LOGON_SAM_PAUSE_RESPONSE_EX, FULL, GUID,
                "example.test", "example.test", "dc3.example.test", "EXAMPLE", "DC3", "", "HQ", "HQ", Optional.empty(),
                "", 5, 0xFFFF, 0xFFFF), 200);

        assertThatThrownBy(() -> locator().locate("example.test", JOIN))
                .isInstanceOfSatisfying(LocatorException.class,
                        e -> assertThat(e.cause()).isEqualTo(LocatorException.Cause.UNSUITABLE))
                .hasMessage("no suitable domain controller for example.test: dc1.example.test runs no KDC; "
                        + "dc2.other.test serves domain other.test, not example.test; "
                        + "dc3.example.test: its Netlogon service is paused; 10.0.0.4: port 389/udp unreachable");
    }

    @Test
    void noAnswerNamesEachDcAndWhy() {
        dns.srv("_ldap._tcp.dc._msdcs.example.test", new SrvRecord(0, 100, 389, "dc1.example.test"));
        dns.host("dc1.example.test", "127.0.0.2");
        dcs.put(ip("127.0.0.2"), t -> new PingResult.Failed(ip("127.0.0.2"), "timeout after 2 s"));

        assertThatThrownBy(() -> locator().locate("example.test", JOIN))
                .isInstanceOfSatisfying(LocatorException.class,
                        e -> assertThat(e.cause()).isEqualTo(LocatorException.Cause.NO_ANSWER))
                .hasMessage("no domain controller answered the CLDAP ping: dc1.example.test (127.0.0.2): timeout"
                        + " after 2 s");
    }

    @Test
    void theNextAddressOfADcIsTriedWhenOneFails() throws Exception {
        config = config.withControllers(List.of("dc1.example.test"));
        dns.host("dc1.example.test", "10.0.0.1", "10.0.1.1");
        dc("10.0.1.1", response("dc1.example.test", FULL, "HQ", "HQ"), 0);

        assertThat(locator().locate("example.test", JOIN).address()).isEqualTo(ip("10.0.1.1"));
    }

    @Test
    void theTimeBudgetBoundsSlowDcs() {
        config = config.withControllers(List.of("10.0.0.1", "10.0.0.2"))
                .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofMillis(500));
        dc("10.0.0.1", response("dc1.example.test", FULL, "HQ", "HQ"), 10_000);
        dc("10.0.0.2", response("dc2.example.test", FULL, "HQ", "HQ"), 10_000);
        long start = System.nanoTime();

        assertThatThrownBy(() -> locator().locate("example.test", JOIN))
                .isInstanceOfSatisfying(LocatorException.class,
                        e -> assertThat(e.cause()).isEqualTo(LocatorException.Cause.NO_ANSWER))
                .hasMessageStartingWith("no domain controller answered the CLDAP ping: 10.0.0.")
                .hasMessageContaining("timeout after");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isBetween(Duration.ofMillis(450),
                Duration.ofMillis(900));
    }

    @Test
    void dcsWithoutAddressAreAHostProblem() {
        dns.srv("_ldap._tcp.dc._msdcs.example.test", new SrvRecord(0, 100, 389, "gone.example.test"));

        assertThatThrownBy(() -> locator().locate("example.test", JOIN))
                .isInstanceOfSatisfying(LocatorException.class,
                        e -> assertThat(e.cause()).isEqualTo(LocatorException.Cause.HOST_NOT_FOUND))
                .hasMessage("no domain controller of example.test has an address: gone.example.test has no address"
                        + " (fake)");
    }

    @Test
    void dnsFailuresPassThrough() {
        assertThatThrownBy(() -> locator().locate("example.test", JOIN))
                .isInstanceOfSatisfying(LocatorException.class,
                        e -> assertThat(e.cause()).isEqualTo(LocatorException.Cause.DNS_NO_RECORD))
                .hasMessage("no DNS SRV record _ldap._tcp.dc._msdcs.example.test (fake)");
    }

    @Test
    void onlyUnavailableTargetsAreNoRecord() {
        dns.srv("_ldap._tcp.dc._msdcs.example.test", new SrvRecord(0, 0, 0, "."));

        assertThatThrownBy(() -> locator().locate("example.test", JOIN))
                .isInstanceOfSatisfying(LocatorException.class,
                        e -> assertThat(e.cause()).isEqualTo(LocatorException.Cause.DNS_NO_RECORD))
                .hasMessageContaining("all targets are \".\"");
    }

    @Test
    void refusesANameThatIsNotADomain() {
        for (String bad : new String[] {"", "exa mple.test", "a/b.test", "-x.test", "a..test"}) {
            assertThatThrownBy(() -> locator().locate(bad, JOIN))
                    .isInstanceOfSatisfying(LocatorException.class,
                            e -> assertThat(e.cause()).isEqualTo(LocatorException.Cause.INVALID_ARGUMENT));
        }
    }

    @Test
    void kdcsFromKerberosSrvRecordsInPriorityOrder() throws Exception {
        dns.srv("_kerberos._tcp.example.test", new SrvRecord(10, 0, 88, "kdc2.example.test"),
                new SrvRecord(0, 0, 8888, "kdc1.example.test"));
        dns.host("kdc1.example.test", "10.0.0.1");
        dns.host("kdc2.example.test", "10.0.0.2");

        List<InetSocketAddress> kdcs = locator().kdcs("EXAMPLE.TEST");

        assertThat(kdcs).containsExactly(new InetSocketAddress(ip("10.0.0.1"), 8888),
                new InetSocketAddress(ip("10.0.0.2"), 88));
        assertThat(kdcs.getFirst().getHostString()).isEqualTo("kdc1.example.test");
    }

    @Test
    void kdcsFallBackToTheLocatedDc() throws Exception {
        dns.srv("_ldap._tcp.dc._msdcs.example.test", new SrvRecord(0, 100, 389, "dc1.example.test"));
        dns.host("dc1.example.test", "10.0.0.1");
        dc("10.0.0.1", response("dc1.example.test", FULL, "HQ", "HQ"), 0);

        List<InetSocketAddress> kdcs = locator().kdcs("example.test");

        assertThat(kdcs).containsExactly(new InetSocketAddress(ip("10.0.0.1"), 88));
        assertThat(kdcs.getFirst().getHostString()).isEqualTo("dc1.example.test");
    }

    @Test
    void kdcsOfConfiguredDcs() throws Exception {
        config = config.withControllers(List.of("dc1.example.test", "10.0.0.7"));
        dns.host("dc1.example.test", "10.0.0.1");

        assertThat(locator().kdcs("example.test")).containsExactly(new InetSocketAddress(ip("10.0.0.1"), 88),
                new InetSocketAddress(ip("10.0.0.7"), 88));
        assertThat(dns.srvQueries).isEmpty();
    }

    @Test
    void kdcsFailureNamesBothWays() {
        assertThatThrownBy(() -> locator().kdcs("example.test"))
                .isInstanceOfSatisfying(LocatorException.class,
                        e -> assertThat(e.cause()).isEqualTo(LocatorException.Cause.DNS_NO_RECORD))
                .hasMessage("no DNS SRV record _kerberos._tcp.example.test (fake); "
                        + "no DNS SRV record _ldap._tcp.dc._msdcs.example.test (fake)");
    }

    /** DNS from two maps; what is not in them does not exist. */
    private static final class FakeDns implements DnsResolver {
        private final Map<String, List<SrvRecord>> srv = new HashMap<>();
        private final Map<String, List<InetAddress>> hosts = new HashMap<>();
        final List<String> srvQueries = new java.util.concurrent.CopyOnWriteArrayList<>();

        void srv(String name, SrvRecord... records) {
            srv.put(name, List.of(records));
        }

        void host(String name, String... addresses) {
            hosts.put(name, java.util.Arrays.stream(addresses).map(DcLocatorTest::ip).toList());
        }

        @Override
        public List<SrvRecord> srv(String name, Deadline deadline) throws LocatorException {
            srvQueries.add(name);
            List<SrvRecord> r = srv.get(name);
            if (r == null) {
                throw new LocatorException(LocatorException.Cause.DNS_NO_RECORD, "no DNS SRV record " + name + " (fake)");
            }
            return r;
        }

        @Override
        public List<InetAddress> addresses(String host, Deadline deadline) throws LocatorException {
            if (LocatorConfig.isIpLiteral(host)) {
                return List.of(ip(host));
            }
            List<InetAddress> a = hosts.get(host);
            if (a == null) {
                throw new LocatorException(LocatorException.Cause.HOST_NOT_FOUND, host + " has no address (fake)");
            }
            return a;
        }
    }
}
