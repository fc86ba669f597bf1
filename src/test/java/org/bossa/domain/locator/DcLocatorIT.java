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
import org.bossa.it.dc.DcInfo;
import org.bossa.it.dc.LoopbackDc;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The locator against the fixture's Samba AD DC ({@link LoopbackDc}): its DNS server (port 53)
 * serves the domain's SRV records, its CLDAP service (389/udp) answers the LDAP ping, and the
 * fixture puts its name in /etc/hosts. Failures (unreachable DC, unreachable or silent DNS server,
 * unknown domain, a DC of another domain) must be typed and come within the 5 s budget.
 */
@ExtendWith(LoopbackDc.class)
class DcLocatorIT {
    /** An address on loopback where nothing listens: every port answers ICMP port-unreachable. */
    private static final String NOTHING = "127.0.0.9";
    private static final Duration WITHIN = LocatorConfig.DEFAULT_BUDGET.plusMillis(500);
    private static final Set<Requirement> JOIN = EnumSet.of(Requirement.WRITABLE, Requirement.KDC);

    private final String address;
    private final String realm;
    private final String host;
    private final String netbios;
    private final LocatorConfig viaDcDns;

    DcLocatorIT(DcInfo dc) {
        assertThat(dc.dcIp()).as("the fixture's DC must not sit at the dead address").isNotEqualTo(NOTHING);
        address = dc.dcIp();
        realm = dc.realm();
        host = dc.dcHost();
        netbios = dc.netbiosDomain();
        viaDcDns = LocatorConfig.defaults().withDnsServers(List.of(address));
    }

    @Test
    void findsTheDcThroughItsSrvRecordsAndLdapPing() throws Exception {
        long start = System.nanoTime();
        DomainController dc = new DcLocator(viaDcDns).locate(realm, JOIN);

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(WITHIN);
        assertThat(dc.hostName()).isEqualToIgnoringCase(host);
        assertThat(dc.address()).isEqualTo(InetAddress.ofLiteral(address));
        assertThat(dc.dnsDomain()).isEqualToIgnoringCase(realm);
        assertThat(dc.forest()).isEqualToIgnoringCase(realm);
        assertThat(dc.netbiosDomain()).isEqualTo(netbios);
        assertThat(dc.netbiosName()).isEqualToIgnoringCase(host.substring(0, host.indexOf('.')));
        assertThat(dc.flags()).contains(DsFlag.DS, DsFlag.LDAP, DsFlag.KDC, DsFlag.WRITABLE, DsFlag.GC, DsFlag.CLOSEST);
        assertThat(dc.dcSite()).isNotEmpty();
        assertThat(dc.clientSite()).isEqualTo(dc.dcSite());
        assertThat(dc.domainGuid()).isNotNull();
        assertThat(dc.foundBy()).isEqualTo(Discovery.DNS_SRV);
    }

    @Test
    void aConfiguredAddressNeedsNoDns() throws Exception {
        LocatorConfig config = LocatorConfig.defaults().withDnsServers(List.of(NOTHING)).withControllers(List.of(address));

        DomainController dc = new DcLocator(config).locate(realm.toLowerCase(Locale.ROOT), JOIN);

        assertThat(dc.hostName()).isEqualToIgnoringCase(host);
        assertThat(dc.foundBy()).isEqualTo(Discovery.CONFIGURED);
    }

    @Test
    void aConfiguredNameIsResolvedThroughTheConfiguredDnsServer() throws Exception {
        DomainController dc = new DcLocator(viaDcDns.withControllers(List.of(host))).locate(realm, JOIN);

        assertThat(dc.address()).isEqualTo(InetAddress.ofLiteral(address));
        assertThat(dc.foundBy()).isEqualTo(Discovery.CONFIGURED);
    }

    @Test
    void withoutDnsServersAConfiguredNameGoesThroughTheSystemResolver() throws Exception {
        // dc.sh host-setup (run by the fixture) puts the DC's name in /etc/hosts, which only the system resolver reads.
        DomainController dc = new DcLocator(LocatorConfig.defaults().withControllers(List.of(host))).locate(realm, JOIN);

        assertThat(dc.address()).isEqualTo(InetAddress.ofLiteral(address));
    }

    @Test
    void kdcsComeFromTheKerberosSrvRecords() throws Exception {
        List<InetSocketAddress> kdcs = new DcLocator(viaDcDns).kdcs(realm);

        assertThat(kdcs).contains(new InetSocketAddress(InetAddress.ofLiteral(address), 88));
        assertThat(kdcs.getFirst().getHostString()).isEqualToIgnoringCase(host);
    }

    @Test
    void anUnreachableDcIsNamed() {
        LocatorConfig config = LocatorConfig.defaults().withControllers(List.of(NOTHING));

        assertFailsWithin(() -> new DcLocator(config).locate(realm, JOIN), LocatorException.Cause.NO_ANSWER,
                "no domain controller answered the CLDAP ping: 127.0.0.9: port 389/udp unreachable");
    }

    @Test
    void anUnreachableDnsServerIsNamed() {
        LocatorConfig config = LocatorConfig.defaults().withDnsServers(List.of(NOTHING));

        assertFailsWithin(() -> new DcLocator(config).locate(realm, JOIN), LocatorException.Cause.DNS_FAILURE,
                "DNS server 127.0.0.9: port 53/udp unreachable (SRV _ldap._tcp.dc._msdcs."
                        + realm.toLowerCase(Locale.ROOT) + ")");
    }

    @Test
    void aSilentDnsServerTimesOut() throws Exception {
        try (DatagramSocket silent = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            String server = "127.0.0.1:" + silent.getLocalPort();
            LocatorConfig config = LocatorConfig.defaults().withDnsServers(List.of(server));

            assertFailsWithin(() -> new DcLocator(config).locate(realm, JOIN), LocatorException.Cause.DNS_TIMEOUT,
                    "DNS server " + server + " did not answer within 2 s (SRV _ldap._tcp.dc._msdcs."
                            + realm.toLowerCase(Locale.ROOT) + ")");
        }
    }

    @Test
    void aDomainWithoutDcsHasNoSrvRecord() {
        assertFailsWithin(() -> new DcLocator(viaDcDns).locate("nonexistent.test", JOIN),
                LocatorException.Cause.DNS_NO_RECORD,
                "no DNS SRV record _ldap._tcp.dc._msdcs.nonexistent.test (DNS server " + address + ")");
    }

    @Test
    void theDcOfAnotherDomainSaysSo() {
        LocatorConfig config = LocatorConfig.defaults().withControllers(List.of(address));

        assertFailsWithin(() -> new DcLocator(config).locate("other.test", JOIN), LocatorException.Cause.NO_ANSWER,
                "no domain controller answered the CLDAP ping: " + address
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
