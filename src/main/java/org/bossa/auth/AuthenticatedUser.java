package org.bossa.auth;

import java.util.Objects;

/**
 * Who a finished authentication proved to be.
 *
 * @param domain the account's domain (NetBIOS form as the client or the DC gave it); empty for anonymous
 * @param account the account name; empty for anonymous
 * @param anonymous true for an anonymous (null session) logon
 */
public record AuthenticatedUser(String domain, String account, boolean anonymous) {

    public AuthenticatedUser {
        Objects.requireNonNull(domain, "domain");
        Objects.requireNonNull(account, "account");
    }

    public static AuthenticatedUser anonymousUser() {
        return new AuthenticatedUser("", "", true);
    }

    @Override
    public String toString() {
        return anonymous ? "ANONYMOUS" : domain + "\\" + account;
    }
}
