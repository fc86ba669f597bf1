package org.bossa.identity.winbind;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import org.bossa.dtyp.Sid;
import org.bossa.identity.IdentityService;
import org.bossa.identity.PosixGroup;
import org.bossa.identity.PosixUser;
import org.bossa.identity.Principal;
import org.bossa.identity.SidType;

/** A small domain EXAMPLE: alice and bob, groups "domain users" (both) and engineers (alice). */
public final class FakeIdentityService implements IdentityService {
    static final Sid DOMAIN = Sid.parse("S-1-5-21-1111-2222-3333");
    static final PosixUser ALICE = new PosixUser("EXAMPLE\\alice", 10001, 10513, "Alice Liddell", "/home/EXAMPLE/alice",
            "/bin/bash", DOMAIN.withRid(1101));
    static final PosixUser BOB = new PosixUser("EXAMPLE\\bob", 10002, 10513, "Bob", "/home/EXAMPLE/bob", "/bin/sh",
            DOMAIN.withRid(1102));
    static final PosixGroup USERS = new PosixGroup("EXAMPLE\\domain users", 10513, DOMAIN.withRid(513),
            List.of("EXAMPLE\\alice", "EXAMPLE\\bob"));
    static final PosixGroup ENGINEERS = new PosixGroup("EXAMPLE\\engineers", 10600, DOMAIN.withRid(1200),
            List.of("EXAMPLE\\alice"));
    static final List<PosixUser> USER_LIST = List.of(ALICE, BOB);
    static final List<PosixGroup> GROUP_LIST = List.of(USERS, ENGINEERS);

    volatile boolean online = true;

    @Override
    public DomainInfo domain() {
        return new DomainInfo("EXAMPLE", "example.test", DOMAIN, "MEMBER1", '\\');
    }

    @Override
    public Health health() {
        return online ? new Health(true, "dc1.example.test", "") : new Health(false, "", "no DC answers");
    }

    /** "EXAMPLE\x", "x@example.test" or "x" to "x" in lower case, or null for another domain. */
    private static String local(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        if (n.startsWith("example\\")) {
            return n.substring(8);
        }
        if (n.endsWith("@example.test")) {
            return n.substring(0, n.length() - 13);
        }
        return n.contains("\\") || n.contains("@") ? null : n;
    }

    private static String local(PosixUser u) {
        return local(u.name());
    }

    @Override
    public Optional<Principal> lookupName(String name) {
        String n = local(name);
        for (PosixUser u : USER_LIST) {
            if (local(u).equals(n)) {
                return Optional.of(new Principal(u.sid(), "EXAMPLE", n, SidType.USER));
            }
        }
        for (PosixGroup g : GROUP_LIST) {
            if (local(g.name()).equals(n)) {
                return Optional.of(new Principal(g.sid(), "EXAMPLE", n, SidType.DOM_GROUP));
            }
        }
        return Optional.empty();
    }

    @Override
    public Optional<Principal> lookupSid(Sid sid) {
        for (PosixUser u : USER_LIST) {
            if (u.sid().equals(sid)) {
                return Optional.of(new Principal(sid, "EXAMPLE", local(u), SidType.USER));
            }
        }
        for (PosixGroup g : GROUP_LIST) {
            if (g.sid().equals(sid)) {
                return Optional.of(new Principal(sid, "EXAMPLE", local(g.name()), SidType.DOM_GROUP));
            }
        }
        return Optional.empty();
    }

    @Override
    public Optional<PosixUser> userByName(String name) {
        String n = local(name);
        return USER_LIST.stream().filter(u -> local(u).equals(n)).findFirst();
    }

    @Override
    public Optional<PosixUser> userByUid(long uid) {
        return USER_LIST.stream().filter(u -> u.uid() == uid).findFirst();
    }

    @Override
    public Optional<PosixUser> userBySid(Sid sid) {
        return USER_LIST.stream().filter(u -> u.sid().equals(sid)).findFirst();
    }

    @Override
    public Optional<PosixGroup> groupByName(String name) {
        String n = local(name);
        return GROUP_LIST.stream().filter(g -> local(g.name()).equals(n)).findFirst();
    }

    @Override
    public Optional<PosixGroup> groupByGid(long gid) {
        return GROUP_LIST.stream().filter(g -> g.gid() == gid).findFirst();
    }

    @Override
    public Optional<PosixGroup> groupBySid(Sid sid) {
        return GROUP_LIST.stream().filter(g -> g.sid().equals(sid)).findFirst();
    }

    @Override
    public List<Sid> groupSidsOf(Sid user) {
        List<Sid> out = new ArrayList<>();
        Optional<PosixUser> u = userBySid(user);
        if (u.isPresent()) {
            for (PosixGroup g : GROUP_LIST) {
                if (g.members().contains(u.get().name())) {
                    out.add(g.sid());
                }
            }
        }
        return out;
    }

    @Override
    public List<Long> groupIdsOf(String userName) {
        Optional<PosixUser> u = userByName(userName);
        List<Long> out = new ArrayList<>();
        if (u.isPresent()) {
            for (PosixGroup g : GROUP_LIST) {
                if (g.members().contains(u.get().name())) {
                    out.add(g.gid());
                }
            }
        }
        return out;
    }

    @Override
    public List<String> listUsers(int limit) {
        return USER_LIST.stream().map(PosixUser::name).limit(limit).toList();
    }

    @Override
    public List<String> listGroups(int limit) {
        return GROUP_LIST.stream().map(PosixGroup::name).limit(limit).toList();
    }

    @Override
    public OptionalLong sidToUid(Sid sid) {
        return userBySid(sid).map(u -> OptionalLong.of(u.uid())).orElse(OptionalLong.empty());
    }

    @Override
    public OptionalLong sidToGid(Sid sid) {
        return groupBySid(sid).map(g -> OptionalLong.of(g.gid())).orElse(OptionalLong.empty());
    }

    @Override
    public Optional<Sid> uidToSid(long uid) {
        return userByUid(uid).map(PosixUser::sid);
    }

    @Override
    public Optional<Sid> gidToSid(long gid) {
        return groupByGid(gid).map(PosixGroup::sid);
    }

    /** alice's password is "secret"; a password logon of anyone else, or a wrong one, fails. */
    @Override
    public org.bossa.identity.AuthResult authenticate(String user, char[] password) {
        boolean alice = user.equalsIgnoreCase("EXAMPLE\\alice") || user.equalsIgnoreCase("alice");
        if (alice && java.util.Arrays.equals(password, "secret".toCharArray())) {
            return new org.bossa.identity.AuthResult(org.bossa.smb2.wire.NtStatus.SUCCESS, "", java.util.Optional.of(ALICE));
        }
        return new org.bossa.identity.AuthResult(org.bossa.smb2.wire.NtStatus.WRONG_PASSWORD, "wrong password",
                java.util.Optional.empty());
    }
}
