package org.bossa.domain.locator;

/** How the locator came to the DC it returned. */
public enum Discovery {
    /** From the configured DC list, which overrides discovery. */
    CONFIGURED,
    /** From the domain's SRV records, {@code _ldap._tcp.dc._msdcs.<domain>}. */
    DNS_SRV,
    /** From the client site's SRV records, {@code _ldap._tcp.<site>._sites.dc._msdcs.<domain>}. */
    DNS_SITE_SRV
}
