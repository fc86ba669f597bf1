package org.bossa.domain.locator;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The DNS names the locator queries (MS-ADTS 6.3.6.1 lists the DC SRV names) and the check every
 * name passes first: labels of letters, digits, hyphens and underscores, 1-63 octets, at most 253
 * octets in all. Names from the configuration and from a DC's answer (the client site) both go
 * through it, so nothing unexpected reaches a query.
 */
final class DnsNames {
    private static final Pattern LABEL = Pattern.compile("[A-Za-z0-9_]([A-Za-z0-9_-]{0,61}[A-Za-z0-9_])?");

    private DnsNames() {
    }

    static boolean valid(String name) {
        if (name == null || name.isEmpty() || name.length() > 253) {
            return false;
        }
        String n = name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
        for (String label : n.split("\\.", -1)) {
            if (!LABEL.matcher(label).matches()) {
                return false;
            }
        }
        return true;
    }

    /** Lower case without a final dot: how the locator writes a domain in queries and messages. */
    static String normalize(String name) {
        String n = name.strip().toLowerCase(Locale.ROOT);
        return n.endsWith(".") ? n.substring(0, n.length() - 1) : n;
    }

    /** Every DC of the domain. */
    static String ldapDcSrv(String domain) {
        return "_ldap._tcp.dc._msdcs." + domain;
    }

    /** The DCs of the domain in one site. */
    static String ldapSiteDcSrv(String site, String domain) {
        return "_ldap._tcp." + site + "._sites.dc._msdcs." + domain;
    }

    /** The KDCs of the realm (RFC 4120 7.2.3.2). */
    static String kerberosTcpSrv(String realm) {
        return "_kerberos._tcp." + realm;
    }
}
