package org.bossa.auth;

import java.util.Objects;
import java.util.Optional;

/**
 * Who a finished authentication proved to be.
 *
 * @param domain the account's domain (NetBIOS form as the client or the DC gave it); empty for anonymous
 * @param account the account name; empty for anonymous
 * @param anonymous true for an anonymous (null session) logon
 * @param identity for domain accounts, the SIDs the DC vouched for (Netlogon validation or PAC);
 *     empty for local and anonymous users
 */
public record AuthenticatedUser(String domain, String account, boolean anonymous, Optional<DomainIdentity> identity) {

    public AuthenticatedUser {
        Objects.requireNonNull(domain, "domain");
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(identity, "identity");
    }

    /** A local (or anonymous) user: no domain identity. */
    public AuthenticatedUser(String domain, String account, boolean anonymous) {
        this(domain, account, anonymous, Optional.empty());
    }

    /** A domain user the DC vouched for. */
    public static AuthenticatedUser domainUser(DomainIdentity identity) {
        return new AuthenticatedUser(identity.logonDomain(), identity.account(), false, Optional.of(identity));
    }

    public static AuthenticatedUser anonymousUser() {
        return new AuthenticatedUser("", "", true);
    }

    @Override
    public String toString() {
        return anonymous ? "ANONYMOUS" : domain + "\\" + account;
    }
}
