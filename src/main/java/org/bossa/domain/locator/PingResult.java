package org.bossa.domain.locator;

import java.net.InetAddress;

/** The outcome of one LDAP ping to one address. */
public sealed interface PingResult {
    InetAddress address();

    /** The DC answered with a NETLOGON_SAM_LOGON_RESPONSE_EX. */
    record Answered(InetAddress address, NetlogonSamLogonResponseEx response) implements PingResult {
    }

    /**
     * No usable answer.
     *
     * @param reason what went wrong, e.g. "timeout after 2 s", "port unreachable"
     */
    record Failed(InetAddress address, String reason) implements PingResult {
    }
}
