package org.bossa.domain.locator;

import java.net.InetAddress;
import java.time.Duration;
import java.util.List;

/**
 * How the locator finds DCs.
 *
 * @param controllers  DC host names or IP addresses to use instead of DNS discovery
 *                     ({@code bossa.domain.controllers}); empty to discover
 * @param dnsServers   DNS servers to ask ({@code bossa.domain.dns-servers}); empty for the system's
 * @param dnsTimeout   how long one DNS server gets to answer one query
 * @param pingTimeout  how long one DC address gets to answer the LDAP ping
 * @param budget       the most one {@code locate} or {@code kdcs} call takes in all
 */
public record LocatorConfig(List<String> controllers, List<DnsServerAddress> dnsServers, Duration dnsTimeout,
                            Duration pingTimeout, Duration budget) {

    public static final Duration DEFAULT_DNS_TIMEOUT = Duration.ofSeconds(2);
    public static final Duration DEFAULT_PING_TIMEOUT = Duration.ofSeconds(2);
    public static final Duration DEFAULT_BUDGET = Duration.ofSeconds(5);

    public LocatorConfig {
        controllers = controllers.stream().map(String::strip).toList();
        for (String c : controllers) {
            if (!DnsNames.valid(c) && !isIpLiteral(c)) {
                throw new IllegalArgumentException("domain controller '" + c + "' is neither a DNS name nor an IP"
                        + " address");
            }
        }
        dnsServers = List.copyOf(dnsServers);
        positive("DNS timeout", dnsTimeout);
        positive("ping timeout", pingTimeout);
        positive("locator time budget", budget);
    }

    /** Discovery through the system's DNS servers with the default time limits. */
    public static LocatorConfig defaults() {
        return new LocatorConfig(List.of(), List.of(), DEFAULT_DNS_TIMEOUT, DEFAULT_PING_TIMEOUT, DEFAULT_BUDGET);
    }

    public LocatorConfig withControllers(List<String> hosts) {
        return new LocatorConfig(hosts, dnsServers, dnsTimeout, pingTimeout, budget);
    }

    /** DNS servers as written in the configuration: {@code IP} or {@code IP:port} ({@link DnsServerAddress#parse}). */
    public LocatorConfig withDnsServers(List<String> servers) {
        return new LocatorConfig(controllers, servers.stream().map(DnsServerAddress::parse).toList(), dnsTimeout,
                pingTimeout, budget);
    }

    public LocatorConfig withTimeouts(Duration dns, Duration ping, Duration total) {
        return new LocatorConfig(controllers, dnsServers, dns, ping, total);
    }

    private static void positive(String what, Duration d) {
        if (d == null || d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(what + " must be positive, is " + d);
        }
    }

    static boolean isIpLiteral(String s) {
        try {
            InetAddress.ofLiteral(s);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
