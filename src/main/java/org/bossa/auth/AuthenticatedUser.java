package org.bossa.auth;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Who a finished authentication proved to be, and until when.
 *
 * @param domain the account's domain (NetBIOS form as the client or the DC gave it); empty for anonymous
 * @param account the account name; empty for anonymous
 * @param anonymous true for an anonymous (null session) logon
 * @param identity for domain accounts, the SIDs the DC vouched for (Netlogon validation or PAC);
 *     empty for local and anonymous users
 * @param validUntil when the proof runs out: a Kerberos logon is worth what its ticket is, so the
 *     session expires at the ticket's end time (MS-SMB2 3.3.5.5.3, Session.ExpirationTime); empty
 *     for NTLM, whose logons do not expire
 */
public record AuthenticatedUser(String domain, String account, boolean anonymous, Optional<DomainIdentity> identity,
        Optional<Instant> validUntil) {

    public AuthenticatedUser {
        Objects.requireNonNull(domain, "domain");
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(identity, "identity");
        Objects.requireNonNull(validUntil, "validUntil");
    }

    /** A local (or anonymous) user: no domain identity, no end time. */
    public AuthenticatedUser(String domain, String account, boolean anonymous) {
        this(domain, account, anonymous, Optional.empty(), Optional.empty());
    }

    /** A domain user the DC vouched for, with no end time (NTLM through Netlogon). */
    public static AuthenticatedUser domainUser(DomainIdentity identity) {
        return new AuthenticatedUser(identity.logonDomain(), identity.account(), false, Optional.of(identity),
                Optional.empty());
    }

    /** A domain user whose proof ends at {@code validUntil} (a Kerberos ticket's end time). */
    public static AuthenticatedUser domainUser(DomainIdentity identity, Instant validUntil) {
        return new AuthenticatedUser(identity.logonDomain(), identity.account(), false, Optional.of(identity),
                Optional.of(validUntil));
    }

    public static AuthenticatedUser anonymousUser() {
        return new AuthenticatedUser("", "", true);
    }

    @Override
    public String toString() {
        return anonymous ? "ANONYMOUS" : domain + "\\" + account;
    }
}
