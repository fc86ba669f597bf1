package org.bossa.domain.locator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/**
 * The locator against the dev Samba AD DC: its DNS server (port 53) serves the domain's SRV
 * records, its CLDAP service (389/udp) answers the LDAP ping. The DC comes from the system
 * properties {@code bossa.it.dc.address}, {@code bossa.it.dc.realm}, {@code bossa.it.dc.host} and
 * {@code bossa.it.dc.netbios-domain} (defaults: the dev DC of TESTBED.md); to be wired to the
 * shared LoopbackDc fixture. Failures (unreachable DC, unreachable or silent DNS server, unknown
 * domain, a DC of another domain) must be typed and come within the 5 s budget.
 */
class DcLocatorIT {
    private static final String ADDRESS = System.getProperty("bossa.it.dc.address", "127.0.0.2");
    private static final String REALM = System.getProperty("bossa.it.dc.realm", "EXAMPLE.TEST");
    private static final String HOST = System.getProperty("bossa.it.dc.host", "dc1.example.test");
    private static final String NETBIOS = System.getProperty("bossa.it.dc.netbios-domain", "EXAMPLE");
    /** An address on loopback where nothing listens: every port answers ICMP port-unreachable. */
    private static final String NOTHING = "127.0.0.9";
    private static final Duration WITHIN = LocatorConfig.DEFAULT_BUDGET.plusMillis(500);
    private static final Set<Requirement> JOIN = EnumSet.of(Requirement.WRITABLE, Requirement.KDC);

    private static final LocatorConfig VIA_DC_DNS = LocatorConfig.defaults().withDnsServers(List.of(ADDRESS));

    @Test
    void findsTheDcThroughItsSrvRecordsAndLdapPing() throws Exception {
        long start = System.nanoTime();
        DomainController dc = new DcLocator(VIA_DC_DNS).locate(REALM, JOIN);

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(WITHIN);
        assertThat(dc.hostName()).isEqualToIgnoringCase(HOST);
        assertThat(dc.address()).isEqualTo(InetAddress.ofLiteral(ADDRESS));
        assertThat(dc.dnsDomain()).isEqualToIgnoringCase(REALM);
        assertThat(dc.forest()).isEqualToIgnoringCase(REALM);
        assertThat(dc.netbiosDomain()).isEqualTo(NETBIOS);
        assertThat(dc.netbiosName()).isEqualToIgnoringCase(HOST.substring(0, HOST.indexOf('.')));
        assertThat(dc.flags()).contains(DsFlag.DS, DsFlag.LDAP, DsFlag.KDC, DsFlag.WRITABLE, DsFlag.GC, DsFlag.CLOSEST);
        assertThat(dc.dcSite()).isNotEmpty();
        assertThat(dc.clientSite()).isEqualTo(dc.dcSite());
        assertThat(dc.domainGuid()).isNotNull();
        assertThat(dc.foundBy()).isEqualTo(Discovery.DNS_SRV);
    }

    @Test
    void aConfiguredAddressNeedsNoDns() throws Exception {
        LocatorConfig config = LocatorConfig.defaults().withDnsServers(List.of(NOTHING)).withControllers(List.of(ADDRESS));

        DomainController dc = new DcLocator(config).locate(REALM.toLowerCase(Locale.ROOT), JOIN);

        assertThat(dc.hostName()).isEqualToIgnoringCase(HOST);
        assertThat(dc.foundBy()).isEqualTo(Discovery.CONFIGURED);
    }

    @Test
    void aConfiguredNameIsResolvedThroughTheConfiguredDnsServer() throws Exception {
        DomainController dc = new DcLocator(VIA_DC_DNS.withControllers(List.of(HOST))).locate(REALM, JOIN);

        assertThat(dc.address()).isEqualTo(InetAddress.ofLiteral(ADDRESS));
        assertThat(dc.foundBy()).isEqualTo(Discovery.CONFIGURED);
    }

    @Test
    void withoutDnsServersAConfiguredNameGoesThroughTheSystemResolver() throws Exception {
        // TESTBED.md puts the DC's name in /etc/hosts, which only the system resolver reads.
        DomainController dc = new DcLocator(LocatorConfig.defaults().withControllers(List.of(HOST))).locate(REALM, JOIN);

        assertThat(dc.address()).isEqualTo(InetAddress.ofLiteral(ADDRESS));
    }

    @Test
    void kdcsComeFromTheKerberosSrvRecords() throws Exception {
        List<InetSocketAddress> kdcs = new DcLocator(VIA_DC_DNS).kdcs(REALM);

        assertThat(kdcs).contains(new InetSocketAddress(InetAddress.ofLiteral(ADDRESS), 88));
        assertThat(kdcs.getFirst().getHostString()).isEqualToIgnoringCase(HOST);
    }

    @Test
    void anUnreachableDcIsNamed() {
        LocatorConfig config = LocatorConfig.defaults().withControllers(List.of(NOTHING));

        assertFailsWithin(() -> new DcLocator(config).locate(REALM, JOIN), LocatorException.Cause.NO_ANSWER,
                "no domain controller answered the CLDAP ping: 127.0.0.9: port 389/udp unreachable");
    }

    @Test
    void anUnreachableDnsServerIsNamed() {
        LocatorConfig config = LocatorConfig.defaults().withDnsServers(List.of(NOTHING));

        assertFailsWithin(() -> new DcLocator(config).locate(REALM, JOIN), LocatorException.Cause.DNS_FAILURE,
                "DNS server 127.0.0.9: port 53/udp unreachable (SRV _ldap._tcp.dc._msdcs."
                        + REALM.toLowerCase(Locale.ROOT) + ")");
    }

    @Test
    void aSilentDnsServerTimesOut() throws Exception {
        try (DatagramSocket silent = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            String server = "127.0.0.1:" + silent.getLocalPort();
            LocatorConfig config = LocatorConfig.defaults().withDnsServers(List.of(server));

            assertFailsWithin(() -> new DcLocator(config).locate(REALM, JOIN), LocatorException.Cause.DNS_TIMEOUT,
                    "DNS server " + server + " did not answer within 2 s (SRV _ldap._tcp.dc._msdcs."
                            + REALM.toLowerCase(Locale.ROOT) + ")");
        }
    }

    @Test
    void aDomainWithoutDcsHasNoSrvRecord() {
        assertFailsWithin(() -> new DcLocator(VIA_DC_DNS).locate("nonexistent.test", JOIN),
                LocatorException.Cause.DNS_NO_RECORD,
                "no DNS SRV record _ldap._tcp.dc._msdcs.nonexistent.test (DNS server " + ADDRESS + ")");
    }

    @Test
    void theDcOfAnotherDomainSaysSo() {
        LocatorConfig config = LocatorConfig.defaults().withControllers(List.of(ADDRESS));

        assertFailsWithin(() -> new DcLocator(config).locate("other.test", JOIN), LocatorException.Cause.NO_ANSWER,
                "no domain controller answered the CLDAP ping: " + ADDRESS
                        + ": no Netlogon value in the answer: not a DC of other.test");
    }

    private static void assertFailsWithin(ThrowingCallable call, LocatorException.Cause cause, String message) {
        long start = System.nanoTime();
        assertThatThrownBy(call)
                .isInstanceOfSatisfying(LocatorException.class, e -> assertThat(e.cause()).isEqualTo(cause))
                .hasMessage(message);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(WITHIN);
    }
}
