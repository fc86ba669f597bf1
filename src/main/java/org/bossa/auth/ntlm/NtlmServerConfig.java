package org.bossa.auth.ntlm;

import java.util.Objects;

/**
 * What the NTLMSSP acceptor says about itself in the CHALLENGE message's TargetName and TargetInfo.
 *
 * @param netbiosDomain MsvAvNbDomainName: the NetBIOS domain (for a standalone server, its workgroup or its name)
 * @param netbiosComputer MsvAvNbComputerName: the server's NetBIOS name
 * @param dnsDomain MsvAvDnsDomainName (may be empty)
 * @param dnsComputer MsvAvDnsComputerName (may be empty)
 * @param allowAnonymous accept the anonymous (null session) AUTHENTICATE form
 */
public record NtlmServerConfig(String netbiosDomain, String netbiosComputer, String dnsDomain, String dnsComputer,
        boolean allowAnonymous) {

    public NtlmServerConfig {
        Objects.requireNonNull(netbiosDomain, "netbiosDomain");
        Objects.requireNonNull(netbiosComputer, "netbiosComputer");
        dnsDomain = Objects.requireNonNullElse(dnsDomain, "");
        dnsComputer = Objects.requireNonNullElse(dnsComputer, "");
    }

    /** A standalone server has no domain of its own: it answers TARGET_TYPE_SERVER with its own name. */
    public boolean standalone() {
        return netbiosDomain.isEmpty() || netbiosDomain.equalsIgnoreCase(netbiosComputer);
    }

    /** TargetName for REQUEST_TARGET (Samba: the domain for a member, the computer name standalone). */
    public String targetName() {
        return standalone() ? netbiosComputer : netbiosDomain;
    }
}
