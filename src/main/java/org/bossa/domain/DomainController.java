package org.bossa.domain;

/**
 * The domain controller an operation talks to.
 *
 * @param hostName its DNS host name
 * @param address its IP address as text
 * @param site its site, empty if unknown
 * @param how how it was found, e.g. "DNS SRV _ldap._tcp.dc._msdcs.example.test" or "configured"
 */
public record DomainController(String hostName, String address, String site, String how) {
}
