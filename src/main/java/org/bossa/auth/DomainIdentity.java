package org.bossa.auth;

import java.util.List;
import java.util.Objects;
import org.bossa.dtyp.Sid;

/**
 * A domain user's identity as the DC stated it: the user SID, the primary group, every group the
 * user is a member of (global and universal groups of the account domain, extra SIDs, resource
 * groups), and the names. Built from the Netlogon validation information (MS-NRPC 2.2.1.4.13) or the
 * PAC's KERB_VALIDATION_INFO; the same SIDs in both cases.
 *
 * @param account the account name as the DC spelled it (sAMAccountName)
 * @param logonDomain the NetBIOS name of the account's domain
 * @param dnsDomain the DNS name of the account's domain, empty if the DC did not say
 * @param userSid the user's SID
 * @param primaryGroupSid the primary group's SID
 * @param groupSids every group SID, including the primary group, without duplicates
 */
public record DomainIdentity(String account, String logonDomain, String dnsDomain, Sid userSid, Sid primaryGroupSid,
        List<Sid> groupSids) {
    public DomainIdentity {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(logonDomain, "logonDomain");
        Objects.requireNonNull(dnsDomain, "dnsDomain");
        Objects.requireNonNull(userSid, "userSid");
        Objects.requireNonNull(primaryGroupSid, "primaryGroupSid");
        groupSids = List.copyOf(new java.util.LinkedHashSet<>(groupSids));
    }
}
