package org.bossa.domain.locator;

import java.net.InetAddress;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

/**
 * A DC that answered the LDAP ping and meets the caller's requirements.
 *
 * @param hostName      the DC's DNS name (DnsHostName of its answer)
 * @param address       the address that answered the ping
 * @param netbiosName   the DC's NetBIOS name
 * @param netbiosDomain the domain's NetBIOS name
 * @param dnsDomain     the domain's DNS name
 * @param forest        the forest's DNS name
 * @param dcSite        the DC's site
 * @param clientSite    the site the DC places this host in; empty when it has none
 * @param flags         the DC's DS_FLAG bits
 * @param domainGuid    the domain's objectGUID
 * @param foundBy       how the locator came to it
 */
public record DomainController(String hostName, InetAddress address, String netbiosName, String netbiosDomain,
                               String dnsDomain, String forest, String dcSite, String clientSite, Set<DsFlag> flags,
                               UUID domainGuid, Discovery foundBy) {

    public DomainController {
        EnumSet<DsFlag> copy = EnumSet.noneOf(DsFlag.class);
        copy.addAll(flags);
        flags = Collections.unmodifiableSet(copy);
    }

    /** The DC's flags as a modifiable copy. */
    public EnumSet<DsFlag> flagSet() {
        EnumSet<DsFlag> copy = EnumSet.noneOf(DsFlag.class);
        copy.addAll(flags);
        return copy;
    }

    public boolean has(DsFlag flag) {
        return flags.contains(flag);
    }

    static DomainController of(String fallbackHost, InetAddress address, NetlogonSamLogonResponseEx r,
                               Discovery foundBy) {
        String host = r.dnsHostName().isEmpty() ? fallbackHost : r.dnsHostName();
        return new DomainController(host, address, r.netbiosComputerName(), r.netbiosDomainName(),
                r.dnsDomainName(), r.dnsForestName(), r.dcSiteName(), r.clientSiteName(), r.dsFlags(),
                r.domainGuid(), foundBy);
    }
}
