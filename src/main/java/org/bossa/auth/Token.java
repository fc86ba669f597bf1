package org.bossa.auth;

import java.util.List;

/**
 * Who a session acts as: the account, the POSIX ids every file operation runs with, and the session
 * key the signing and encryption keys derive from. SIDs join when domain logons arrive.
 *
 * @param domain the account's domain (the server's own name for local users)
 * @param account the account name as stored
 * @param uid mapped POSIX user id
 * @param gid mapped POSIX primary group id
 * @param supplementaryGids further POSIX groups
 * @param anonymous a null session (no user)
 */
public record Token(String domain, String account, long uid, long gid, List<Long> supplementaryGids,
                    boolean anonymous) {
    public Token {
        supplementaryGids = List.copyOf(supplementaryGids);
    }

    public static Token anonymousToken(long nobodyUid, long nogroupGid) {
        return new Token("", "", nobodyUid, nogroupGid, List.of(), true);
    }

    /** DOMAIN\account, as logs and smbstatus-style listings show it. */
    public String displayName() {
        return anonymous ? "(anonymous)" : domain.isEmpty() ? account : domain + "\\" + account;
    }
}
