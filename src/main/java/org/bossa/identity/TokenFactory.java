package org.bossa.identity;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.Set;
import org.bossa.auth.AuthenticatedUser;
import org.bossa.auth.DomainIdentity;
import org.bossa.auth.Privilege;
import org.bossa.auth.Token;
import org.bossa.dtyp.Sid;
import org.bossa.idmap.IdMapper;

/**
 * The one place where an authenticated domain identity (NTLM validation info through Netlogon, or
 * a Kerberos PAC) becomes the token requests run as: every SID the DC vouched for, the SIDs every
 * network logon holds (Everyone, NETWORK, Authenticated Users, This Organization), BUILTIN\Users,
 * and BUILTIN\Administrators for members of Domain Admins (the alias memberships a Samba or Windows
 * member is given at join); then the uid, gid and supplementary gids from the idmap.
 *
 * <p>A user whose SID or primary group has no id cannot act on files, so gets no token and the
 * logon fails (as on a Samba member); groups without an id stay in the token's SIDs, for access
 * checks, but add no gid.
 */
public final class TokenFactory {
    /** S-1-5-15: NT AUTHORITY\This Organization, in the token of every logon from the forest. */
    static final Sid THIS_ORGANIZATION = Sid.parse("S-1-5-15");
    private static final int DOMAIN_ADMINS_RID = 512;

    private final IdMapper idmap;

    public TokenFactory(IdMapper idmap) {
        this.idmap = Objects.requireNonNull(idmap, "idmap");
    }

    /** What {@link #tokenFor} concluded: a token, or the reason there is none (for the audit line). */
    public sealed interface Result permits Issued, Refused {
    }

    public record Issued(Token token) implements Result {
    }

    public record Refused(String reason) implements Result {
    }

    /** The token of a domain user, or why it has none. */
    public Result tokenFor(AuthenticatedUser user) {
        DomainIdentity id = user.identity().orElseThrow(() -> new IllegalArgumentException("not a domain user"));
        OptionalLong uid = idmap.toUid(id.userSid());
        if (uid.isEmpty()) {
            return new Refused("user SID " + id.userSid() + " has no uid in any idmap range");
        }
        OptionalLong gid = idmap.toGid(id.primaryGroupSid());
        if (gid.isEmpty()) {
            return new Refused("primary group " + id.primaryGroupSid() + " has no gid in any idmap range");
        }
        Set<Sid> groups = new LinkedHashSet<>();
        groups.add(id.primaryGroupSid());
        groups.addAll(id.groupSids());
        boolean domainAdmin = groups.stream().anyMatch(g -> isDomainAdmins(g, id.userSid()));
        groups.add(Sid.EVERYONE);
        groups.add(Sid.NETWORK);
        groups.add(Sid.AUTHENTICATED_USERS);
        groups.add(THIS_ORGANIZATION);
        groups.add(Sid.BUILTIN_USERS);
        if (domainAdmin) {
            groups.add(Sid.BUILTIN_ADMINISTRATORS);
        }
        List<Long> gids = new ArrayList<>();
        for (Sid g : groups) {
            if (g.equals(id.primaryGroupSid())) {
                continue;
            }
            OptionalLong x = idmap.toGid(g);
            if (x.isPresent() && x.getAsLong() != gid.getAsLong() && !gids.contains(x.getAsLong())) {
                gids.add(x.getAsLong());
            }
        }
        Token plain = new Token(id.logonDomain(), id.account(), uid.getAsLong(), gid.getAsLong(), gids, false,
                id.userSid(), List.copyOf(groups), Set.of());
        // Administrators hold the file privileges Windows gives them by default (SeBackup, SeRestore,
        // SeTakeOwnership, SeSecurity); nobody else holds any until privileges can be granted.
        return new Issued(plain.isAdministrator()
                ? new Token(plain.domain(), plain.account(), plain.uid(), plain.gid(), plain.supplementaryGids(), false,
                        plain.userSid(), plain.groupSids(), EnumSet.allOf(Privilege.class))
                : plain);
    }

    /** Domain Admins of the user's own domain (the domain SID is the user SID without its RID). */
    private static boolean isDomainAdmins(Sid group, Sid user) {
        return group.rid() == DOMAIN_ADMINS_RID && group.domain().equals(user.domain());
    }
}
