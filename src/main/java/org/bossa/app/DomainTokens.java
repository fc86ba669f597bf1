package org.bossa.app;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.bossa.auth.AuthenticatedUser;
import org.bossa.auth.DomainIdentity;
import org.bossa.auth.Privilege;
import org.bossa.auth.Token;
import org.bossa.dtyp.Sid;
import org.bossa.idmap.RidIdMap;
import org.bossa.text.LogSafe;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The token of a domain user: the SIDs the DC vouched for, mapped to POSIX ids by the rid backend.
 * A user whose SID or primary group has no id in the range cannot act on files, so gets no token
 * (the logon fails), as on a Samba member; groups without an id are left out.
 */
final class DomainTokens {
    private static final Logger LOG = LoggerFactory.getLogger(DomainTokens.class);
    private final RidIdMap idmap;

    DomainTokens(RidIdMap idmap) {
        this.idmap = idmap;
    }

    /** Parses {@code bossa.domain.idmap-range} ("LOW-HIGH") for the domain {@code domainSid}. */
    static DomainTokens forDomain(String domainSid, String range) {
        String[] parts = range.split("-");
        return new DomainTokens(new RidIdMap(Sid.parse(domainSid), Long.parseLong(parts[0]), Long.parseLong(parts[1]), 0));
    }

    Optional<Token> tokenFor(AuthenticatedUser user) {
        DomainIdentity id = user.identity().orElseThrow();
        OptionalLong uid = idmap.toId(id.userSid());
        OptionalLong gid = idmap.toId(id.primaryGroupSid());
        if (uid.isEmpty() || gid.isEmpty()) {
            LOG.warn("logon of {} refused: {} has no POSIX id in bossa.domain.idmap-range", LogSafe.quote(id.logonDomain() + "\\" + id.account()),
                    uid.isEmpty() ? id.userSid() : id.primaryGroupSid());
            return Optional.empty();
        }
        List<Long> gids = new ArrayList<>();
        for (Sid g : id.groupSids()) {
            idmap.toId(g).ifPresent(x -> {
                if (x != gid.getAsLong()) {
                    gids.add(x);
                }
            });
        }
        List<Sid> groups = new ArrayList<>(id.groupSids().size() + 1);
        groups.add(id.primaryGroupSid());
        groups.addAll(id.groupSids());
        Token plain = new Token(id.logonDomain(), id.account(), uid.getAsLong(), gid.getAsLong(), gids, false,
                id.userSid(), groups, Set.of());
        // Administrators hold the file privileges Windows gives them by default (SeBackup, SeRestore,
        // SeTakeOwnership, SeSecurity); nobody else holds any until privileges can be granted.
        return Optional.of(plain.isAdministrator()
                ? new Token(plain.domain(), plain.account(), plain.uid(), plain.gid(), plain.supplementaryGids(), false,
                        plain.userSid(), plain.groupSids(), EnumSet.allOf(Privilege.class))
                : plain);
    }
}
