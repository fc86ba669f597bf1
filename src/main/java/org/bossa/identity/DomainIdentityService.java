package org.bossa.identity;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Supplier;
import org.bossa.domain.AccountKind;
import org.bossa.domain.AccountListing;
import org.bossa.domain.DirectoryAccount;
import org.bossa.dtyp.Sid;
import org.bossa.idmap.IdMapper;
import org.bossa.smb2.wire.NtStatus;

/**
 * The identity service of a joined member: names and SIDs from the domain's directory (through
 * {@link CachingDirectory}, so answers survive a DC outage), the built-in and well-known names from
 * {@link WellKnownSids}, ids from the {@link IdMapper}, home and shell from templates. What
 * {@code getent}, {@code wbinfo} and {@code userdbctl} show all comes from here.
 *
 * <p>Names are shown as winbind shows them: the domain's NetBIOS name in upper case, the
 * separator, the account name in lower case (or the bare lower-case name with
 * {@code useDefaultDomain}). A user or group whose SID has no id here is not shown to the host.
 */
public final class DomainIdentityService implements IdentityService {
    /** The most members one group answer carries; the most users or groups one listing carries. */
    static final int MEMBER_CAP = 20_000;

    private final CachingDirectory directory;
    private final IdMapper idmap;
    private final DomainInfo info;
    private final Templates templates;
    private final boolean useDefaultDomain;
    private final LogonCheck logons;
    private Supplier<Health> probe;

    /**
     * @param homedir the home directory template: %D is the domain, %U the user name
     * @param shell the login shell of every domain user
     */
    public record Templates(String homedir, String shell) {
        public Templates {
            Objects.requireNonNull(homedir, "homedir");
            Objects.requireNonNull(shell, "shell");
        }

        String home(String domain, String user) {
            return homedir.replace("%D", domain).replace("%U", user).replace("%u", user);
        }
    }

    public DomainIdentityService(CachingDirectory directory, IdMapper idmap, DomainInfo info, Templates templates,
            boolean useDefaultDomain) {
        this(directory, idmap, info, templates, useDefaultDomain, null);
    }

    /** @param logons how host logons are checked (pam_winbind, ntlm_auth); null: not offered */
    public DomainIdentityService(CachingDirectory directory, IdMapper idmap, DomainInfo info, Templates templates,
            boolean useDefaultDomain, LogonCheck logons) {
        this.logons = logons;
        this.directory = Objects.requireNonNull(directory, "directory");
        this.idmap = Objects.requireNonNull(idmap, "idmap");
        this.info = Objects.requireNonNull(info, "info");
        this.templates = Objects.requireNonNull(templates, "templates");
        this.useDefaultDomain = useDefaultDomain;
    }

    @Override
    public DomainInfo domain() {
        return info;
    }

    /**
     * Asks a DC now (wbinfo -P, -t): the cache's view only says how the last lookup went, and a
     * DC that stopped since would still look online.
     */
    @Override
    public Health health() {
        if (probe == null) {
            return directory.health().toHealth();
        }
        return probe.get();
    }

    // ---- names

    /** A name split into its domain ("" when not given) and account name. */
    private record Name(String domain, String account) {
    }

    private Name split(String name) {
        String n = name.strip();
        int sep = n.indexOf(info.separator());
        if (sep < 0 && info.separator() != '\\') {
            sep = n.indexOf('\\');
        }
        if (sep >= 0) {
            return new Name(n.substring(0, sep), n.substring(sep + 1));
        }
        int at = n.lastIndexOf('@');
        if (at > 0 && n.substring(at + 1).equalsIgnoreCase(info.dnsDomain())) {
            return new Name(info.netbiosDomain(), n.substring(0, at));
        }
        return new Name("", n);
    }

    private boolean ours(String domain) {
        return domain.isEmpty() || domain.equalsIgnoreCase(info.netbiosDomain()) || domain.equalsIgnoreCase(info.dnsDomain());
    }

    private boolean ours(Sid sid) {
        return sid.subAuthorityCount() > 1 && sid.domain().equals(info.domainSid());
    }

    private String shown(String account) {
        String lower = account.toLowerCase(Locale.ROOT);
        return useDefaultDomain ? lower : info.netbiosDomain() + info.separator() + lower;
    }

    @Override
    public Optional<Principal> lookupName(String name) throws IdentityUnavailableException {
        Name n = split(name);
        if (!ours(n.domain()) || n.domain().isEmpty()) {
            Optional<Principal> known = n.domain().isEmpty() ? WellKnownSids.byName(n.account())
                    : WellKnownSids.byName(n.domain(), n.account());
            if (known.isPresent() || !n.domain().isEmpty()) {
                return known;
            }
        }
        if (n.account().isEmpty()) {
            return Optional.of(new Principal(info.domainSid(), info.netbiosDomain(), "", SidType.DOMAIN));
        }
        return directory.byName(n.account()).flatMap(this::principal);
    }

    @Override
    public Optional<Principal> lookupSid(Sid sid) throws IdentityUnavailableException {
        Optional<Principal> known = WellKnownSids.bySid(sid);
        if (known.isPresent()) {
            return known;
        }
        if (sid.equals(info.domainSid())) {
            return Optional.of(new Principal(sid, info.netbiosDomain(), "", SidType.DOMAIN));
        }
        if (!ours(sid)) {
            return Optional.empty();
        }
        return directory.bySid(sid).flatMap(this::principal);
    }

    /** Makes {@link #health()} ask a DC each time through {@code liveCheck} (not the cache). */
    public DomainIdentityService withHealthProbe(Supplier<Health> liveCheck) {
        this.probe = Objects.requireNonNull(liveCheck, "liveCheck");
        return this;
    }

    private Optional<Principal> principal(DirectoryAccount a) {
        if (!ours(a.sid())) {
            // the DC's BUILTIN aliases have names too ("Users"): they belong to BUILTIN, never to this domain
            return Optional.empty();
        }
        SidType type = switch (a.kind()) {
            case USER -> SidType.USER;
            case COMPUTER -> SidType.COMPUTER;
            case DOMAIN_GROUP -> SidType.DOM_GROUP;
            case ALIAS -> SidType.ALIAS;
            case FOREIGN, OTHER -> SidType.UNKNOWN;
        };
        if (a.samAccountName().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Principal(a.sid(), info.netbiosDomain(), a.samAccountName(), type));
    }

    // ---- users

    @Override
    public Optional<PosixUser> userByName(String name) throws IdentityUnavailableException {
        Name n = split(name);
        if (!ours(n.domain()) || n.account().isEmpty()) {
            return Optional.empty();
        }
        Optional<DirectoryAccount> a = directory.byName(n.account());
        return a.isEmpty() ? Optional.empty() : user(a.get());
    }

    @Override
    public Optional<PosixUser> userByUid(long uid) throws IdentityUnavailableException {
        Optional<Sid> sid = idmap.fromUid(uid);
        return sid.isEmpty() ? Optional.empty() : userBySid(sid.get());
    }

    @Override
    public Optional<PosixUser> userBySid(Sid sid) throws IdentityUnavailableException {
        if (!ours(sid)) {
            return Optional.empty();
        }
        Optional<DirectoryAccount> a = directory.bySid(sid);
        return a.isEmpty() ? Optional.empty() : user(a.get());
    }

    private Optional<PosixUser> user(DirectoryAccount a) {
        if (!ours(a.sid()) || a.kind() != AccountKind.USER && a.kind() != AccountKind.COMPUTER || a.primaryGroup().isEmpty()) {
            return Optional.empty();
        }
        OptionalLong uid = idmap.toUid(a.sid());
        OptionalLong gid = idmap.toGid(a.primaryGroup().get());
        if (uid.isEmpty() || gid.isEmpty()) {
            return Optional.empty();
        }
        String account = a.samAccountName().toLowerCase(Locale.ROOT);
        return Optional.of(new PosixUser(shown(a.samAccountName()), uid.getAsLong(), gid.getAsLong(), a.displayName(),
                templates.home(info.netbiosDomain(), account), templates.shell(), a.sid()));
    }

    // ---- groups

    @Override
    public Optional<PosixGroup> groupByName(String name) throws IdentityUnavailableException {
        Name n = split(name);
        if (!ours(n.domain()) || n.domain().isEmpty()) {
            Optional<Principal> known = n.domain().isEmpty() ? WellKnownSids.byName(n.account())
                    : WellKnownSids.byName(n.domain(), n.account());
            if (known.isPresent() && known.get().type().isGroup()) {
                return wellKnownGroup(known.get());
            }
            if (!n.domain().isEmpty()) {
                return Optional.empty();
            }
        }
        Optional<DirectoryAccount> a = directory.byName(n.account());
        return a.isEmpty() ? Optional.empty() : group(a.get());
    }

    @Override
    public Optional<PosixGroup> groupByGid(long gid) throws IdentityUnavailableException {
        Optional<Sid> sid = idmap.fromGid(gid);
        return sid.isEmpty() ? Optional.empty() : groupBySid(sid.get());
    }

    @Override
    public Optional<PosixGroup> groupBySid(Sid sid) throws IdentityUnavailableException {
        Optional<Principal> known = WellKnownSids.bySid(sid);
        if (known.isPresent()) {
            return known.get().type().isGroup() ? wellKnownGroup(known.get()) : Optional.empty();
        }
        if (!ours(sid)) {
            return Optional.empty();
        }
        Optional<DirectoryAccount> a = directory.bySid(sid);
        return a.isEmpty() ? Optional.empty() : group(a.get());
    }

    private Optional<PosixGroup> wellKnownGroup(Principal p) {
        OptionalLong gid = idmap.toGid(p.sid());
        if (gid.isEmpty()) {
            return Optional.empty();
        }
        String name = p.domain().isEmpty() ? p.name() : p.domain() + info.separator() + p.name();
        return Optional.of(new PosixGroup(name.toLowerCase(Locale.ROOT), gid.getAsLong(), p.sid(), List.of()));
    }

    private Optional<PosixGroup> group(DirectoryAccount a) throws IdentityUnavailableException {
        if (!a.kind().isGroup() || !ours(a.sid())) {
            return Optional.empty();
        }
        OptionalLong gid = idmap.toGid(a.sid());
        if (gid.isEmpty()) {
            return Optional.empty();
        }
        List<String> members = new ArrayList<>();
        Optional<AccountListing> listing = directory.members(a.sid(), MEMBER_CAP);
        if (listing.isPresent()) {
            for (DirectoryAccount m : listing.get().accounts()) {
                if ((m.kind() == AccountKind.USER || m.kind() == AccountKind.COMPUTER) && !m.samAccountName().isEmpty()) {
                    members.add(shown(m.samAccountName()));
                }
            }
        }
        return Optional.of(new PosixGroup(shown(a.samAccountName()), gid.getAsLong(), a.sid(), members));
    }

    // ---- memberships

    @Override
    public List<Sid> groupSidsOf(Sid user) throws IdentityUnavailableException {
        Optional<DirectoryAccount> a = ours(user) ? directory.bySid(user) : Optional.empty();
        if (a.isEmpty()) {
            return List.of();
        }
        Set<Sid> sids = new LinkedHashSet<>();
        a.get().primaryGroup().ifPresent(sids::add);
        directory.tokenGroups(user).ifPresent(sids::addAll);
        return List.copyOf(sids);
    }

    @Override
    public List<Long> groupIdsOf(String userName) throws IdentityUnavailableException {
        Name n = split(userName);
        if (!ours(n.domain())) {
            return List.of();
        }
        Optional<DirectoryAccount> a = directory.byName(n.account());
        if (a.isEmpty() || a.get().kind().isGroup()) {
            return List.of();
        }
        List<Long> gids = new ArrayList<>();
        for (Sid g : groupSidsOf(a.get().sid())) {
            OptionalLong gid = idmap.toGid(g);
            if (gid.isPresent() && !gids.contains(gid.getAsLong())) {
                gids.add(gid.getAsLong());
            }
        }
        return gids;
    }

    // ---- listings

    @Override
    public List<String> listUsers(int limit) throws IdentityUnavailableException {
        List<String> names = new ArrayList<>();
        for (DirectoryAccount a : directory.users(Math.min(limit, MEMBER_CAP)).accounts()) {
            if (a.kind() == AccountKind.USER) {
                names.add(shown(a.samAccountName()));
            }
        }
        return names;
    }

    @Override
    public List<String> listGroups(int limit) throws IdentityUnavailableException {
        List<String> names = new ArrayList<>();
        for (DirectoryAccount a : directory.groups(Math.min(limit, MEMBER_CAP)).accounts()) {
            if (a.kind().isGroup()) {
                names.add(shown(a.samAccountName()));
            }
        }
        return names;
    }

    // ---- logons

    @Override
    public AuthResult authenticate(String user, char[] password) throws IdentityUnavailableException {
        if (logons == null) {
            return IdentityService.super.authenticate(user, password);
        }
        Name n = split(user);
        if (!ours(n.domain()) || n.account().isEmpty()) {
            return new AuthResult(NtStatus.NO_SUCH_USER, "not a user of " + info.netbiosDomain(), Optional.empty());
        }
        return result(logons.password(n.account(), password));
    }

    @Override
    public AuthResult authenticateNtlm(String domain, String user, String workstation, byte[] challenge,
            byte[] lmResponse, byte[] ntResponse) throws IdentityUnavailableException {
        if (logons == null) {
            return IdentityService.super.authenticateNtlm(domain, user, workstation, challenge, lmResponse, ntResponse);
        }
        return result(logons.challengeResponse(domain, user, workstation, challenge, lmResponse, ntResponse));
    }

    private AuthResult result(LogonCheck.Outcome outcome) throws IdentityUnavailableException {
        return switch (outcome) {
            case LogonCheck.Refused r -> new AuthResult(r.status(), r.reason(), Optional.empty());
            case LogonCheck.Verified v -> {
                Optional<PosixUser> u = userBySid(v.identity().userSid());
                yield u.isPresent() ? new AuthResult(NtStatus.SUCCESS, "", u)
                        : new AuthResult(NtStatus.NO_SUCH_USER, "the user has no uid here", Optional.empty());
            }
        };
    }

    // ---- ids

    /** Well-known and BUILTIN SIDs are groups: they get a gid, never a uid (as winbindd maps them). */
    @Override
    public OptionalLong sidToUid(Sid sid) {
        return WellKnownSids.isWellKnown(sid) ? OptionalLong.empty() : idmap.toUid(sid);
    }

    @Override
    public OptionalLong sidToGid(Sid sid) {
        return idmap.toGid(sid);
    }

    @Override
    public Optional<Sid> uidToSid(long uid) {
        return idmap.fromUid(uid);
    }

    @Override
    public Optional<Sid> gidToSid(long gid) {
        return idmap.fromGid(gid);
    }
}
