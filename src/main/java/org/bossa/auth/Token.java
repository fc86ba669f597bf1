package org.bossa.auth;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.bossa.dtyp.Sid;

/**
 * Who a session acts as: the account, its SIDs and privileges (what Bossa's own checks consult), the
 * POSIX ids every file operation runs with in the kernel, and whether it is a null session.
 *
 * <p>Every SID is kept: the user SID, the primary group and every other group the DC or the local
 * user store vouched for, plus the Unix aliases of the mapped ids (S-1-22-1-uid, S-1-22-2-gid, as
 * Samba shows files without a mapping), so an owner check can compare a descriptor's SID in either
 * form.
 *
 * @param domain the account's domain (the server's own name for local users)
 * @param account the account name as stored
 * @param uid mapped POSIX user id
 * @param gid mapped POSIX primary group id
 * @param supplementaryGids further POSIX groups
 * @param anonymous a null session (no user)
 * @param userSid the user's SID (S-1-22-1-uid for local users)
 * @param groupSids every group SID of the user, primary group first, without duplicates
 * @param privileges the privileges the token holds
 */
public record Token(String domain, String account, long uid, long gid, List<Long> supplementaryGids,
                    boolean anonymous, Sid userSid, List<Sid> groupSids, Set<Privilege> privileges) {

    /** Domain Admins' RID (MS-DTYP 2.4.2.4): members administer every member server of the domain. */
    private static final long DOMAIN_ADMINS_RID = 512;

    public Token {
        Objects.requireNonNull(domain, "domain");
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(userSid, "userSid");
        supplementaryGids = List.copyOf(supplementaryGids);
        groupSids = List.copyOf(new LinkedHashSet<>(groupSids));
        privileges = privileges.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(privileges));
    }

    /**
     * A local (or Unix) account: its SIDs are the Unix aliases of its ids. Root holds every privilege,
     * as on Samba; nobody else holds any.
     */
    public Token(String domain, String account, long uid, long gid, List<Long> supplementaryGids, boolean anonymous) {
        this(domain, account, uid, gid, supplementaryGids, anonymous,
                anonymous ? Sid.ANONYMOUS : Sid.unixUser(uid), unixGroups(gid, supplementaryGids),
                uid == 0 && !anonymous ? EnumSet.allOf(Privilege.class) : Set.of());
    }

    public static Token anonymousToken(long nobodyUid, long nogroupGid) {
        return new Token("", "", nobodyUid, nogroupGid, List.of(), true);
    }

    /** DOMAIN\account, as logs and smbstatus-style listings show it. */
    public String displayName() {
        return anonymous ? "(anonymous)" : domain.isEmpty() ? account : domain + "\\" + account;
    }

    public boolean holds(Privilege p) {
        return privileges.contains(p);
    }

    /** True when {@code sid} is this token's user, in its own or its Unix-alias form. */
    public boolean isUser(Sid sid) {
        return sid.equals(userSid) || sid.equals(Sid.unixUser(uid));
    }

    /** True when {@code sid} is one of this token's groups, in its own or its Unix-alias form. */
    public boolean isMemberOf(Sid sid) {
        if (groupSids.contains(sid) || sid.equals(Sid.unixGroup(gid))) {
            return true;
        }
        for (long g : supplementaryGids) {
            if (sid.equals(Sid.unixGroup(g))) {
                return true;
            }
        }
        return false;
    }

    /**
     * An administrator of this server: root, a member of BUILTIN\Administrators, or of a domain's
     * Domain Admins (which Windows adds to a member's Administrators at join).
     */
    public boolean isAdministrator() {
        if (anonymous) {
            return false;
        }
        if (uid == 0 || groupSids.contains(Sid.BUILTIN_ADMINISTRATORS)) {
            return true;
        }
        for (Sid g : groupSids) {
            if (g.subAuthorityCount() == 5 && g.identifierAuthority() == 5 && g.subAuthority(0) == 21
                    && g.rid() == DOMAIN_ADMINS_RID) {
                return true;
            }
        }
        return false;
    }

    private static List<Sid> unixGroups(long gid, List<Long> supplementary) {
        List<Sid> out = new ArrayList<>(1 + supplementary.size());
        out.add(Sid.unixGroup(gid));
        for (long g : supplementary) {
            out.add(Sid.unixGroup(g));
        }
        return out;
    }
}
