package org.bossa.identity.userdb;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import org.bossa.dtyp.Sid;
import org.bossa.identity.IdentityService;
import org.bossa.identity.IdentityUnavailableException;
import org.bossa.identity.PosixGroup;
import org.bossa.identity.PosixUser;
import org.bossa.identity.Principal;

/**
 * A domain of two users and two groups with a chosen separator; names match without regard to case
 * and also as the bare name or name@example.test, as the interface promises. {@code offline} makes
 * every lookup throw IdentityUnavailableException.
 */
public final class FakeIdentityService implements IdentityService {
    final char sep;
    volatile boolean offline;
    final List<PosixUser> users = new ArrayList<>();
    final List<PosixGroup> groups = new ArrayList<>();

    public FakeIdentityService(char sep) {
        this.sep = sep;
        Sid dom = Sid.parse("S-1-5-21-1-2-3");
        users.add(new PosixUser("EXAMPLE" + sep + "alice", 10001, 10513, "Alice Liddell", "/home/EXAMPLE/alice",
                "/bin/bash", Sid.parse(dom + "-1104")));
        users.add(new PosixUser("EXAMPLE" + sep + "bob", 10002, 10513, "", "/home/EXAMPLE/bob", "/bin/sh",
                Sid.parse(dom + "-1105")));
        groups.add(new PosixGroup("EXAMPLE" + sep + "domain users", 10513, Sid.parse(dom + "-513"),
                List.of("EXAMPLE" + sep + "alice", "EXAMPLE" + sep + "bob")));
        groups.add(new PosixGroup("EXAMPLE" + sep + "engineers", 10600, Sid.parse(dom + "-1200"),
                List.of("EXAMPLE" + sep + "alice")));
    }

    private String canonical(String name) throws IdentityUnavailableException {
        if (offline) {
            throw new IdentityUnavailableException("DC unreachable");
        }
        String n = name.toLowerCase(Locale.ROOT);
        if (n.endsWith("@example.test")) {
            return "example" + sep + n.substring(0, n.length() - "@example.test".length());
        }
        return n.indexOf(sep) < 0 ? "example" + sep + n : n;
    }

    private void check() throws IdentityUnavailableException {
        if (offline) {
            throw new IdentityUnavailableException("DC unreachable");
        }
    }

    @Override
    public DomainInfo domain() {
        return new DomainInfo("EXAMPLE", "example.test", Sid.parse("S-1-5-21-1-2-3"), "MEMBER", sep);
    }

    @Override
    public Health health() {
        return new Health(!offline, "dc1.example.test", "");
    }

    @Override
    public Optional<Principal> lookupName(String name) {
        return Optional.empty();
    }

    @Override
    public Optional<Principal> lookupSid(Sid sid) {
        return Optional.empty();
    }

    @Override
    public Optional<PosixUser> userByName(String name) throws IdentityUnavailableException {
        String c = canonical(name);
        return users.stream().filter(u -> u.name().toLowerCase(Locale.ROOT).equals(c)).findFirst();
    }

    @Override
    public Optional<PosixUser> userByUid(long uid) throws IdentityUnavailableException {
        check();
        return users.stream().filter(u -> u.uid() == uid).findFirst();
    }

    @Override
    public Optional<PosixUser> userBySid(Sid sid) {
        return users.stream().filter(u -> u.sid().equals(sid)).findFirst();
    }

    @Override
    public Optional<PosixGroup> groupByName(String name) throws IdentityUnavailableException {
        String c = canonical(name);
        return groups.stream().filter(g -> g.name().toLowerCase(Locale.ROOT).equals(c)).findFirst();
    }

    @Override
    public Optional<PosixGroup> groupByGid(long gid) throws IdentityUnavailableException {
        check();
        return groups.stream().filter(g -> g.gid() == gid).findFirst();
    }

    @Override
    public Optional<PosixGroup> groupBySid(Sid sid) {
        return groups.stream().filter(g -> g.sid().equals(sid)).findFirst();
    }

    @Override
    public List<Sid> groupSidsOf(Sid user) {
        return List.of();
    }

    @Override
    public List<Long> groupIdsOf(String userName) throws IdentityUnavailableException {
        Optional<PosixUser> u = userByName(userName);
        if (u.isEmpty()) {
            return List.of();
        }
        String n = u.get().name();
        return groups.stream().filter(g -> g.members().contains(n)).map(PosixGroup::gid).toList();
    }

    @Override
    public List<String> listUsers(int limit) throws IdentityUnavailableException {
        check();
        return users.stream().map(PosixUser::name).limit(limit).toList();
    }

    @Override
    public List<String> listGroups(int limit) throws IdentityUnavailableException {
        check();
        return groups.stream().map(PosixGroup::name).limit(limit).toList();
    }

    @Override
    public OptionalLong sidToUid(Sid sid) {
        return OptionalLong.empty();
    }

    @Override
    public OptionalLong sidToGid(Sid sid) {
        return OptionalLong.empty();
    }

    @Override
    public Optional<Sid> uidToSid(long uid) {
        return Optional.empty();
    }

    @Override
    public Optional<Sid> gidToSid(long gid) {
        return Optional.empty();
    }
}
