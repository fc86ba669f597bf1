package org.bossa.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.bossa.domain.AccountDirectory;
import org.bossa.domain.AccountKind;
import org.bossa.domain.AccountListing;
import org.bossa.domain.DirectoryAccount;
import org.bossa.dtyp.Sid;
import org.bossa.idmap.IdMapConfig;
import org.bossa.idmap.IdMapRouter;
import org.bossa.store.embedded.EmbeddedStateStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The host's view of the domain, over a directory in memory and the reference idmap (rid 10000-999999, * 3000-7999). */
class DomainIdentityServiceTest {
    private static final String D = "S-1-5-21-1-2-3";
    private static final Sid ALICE = Sid.parse(D + "-1103");
    private static final Sid BOB = Sid.parse(D + "-1104");
    private static final Sid USERS = Sid.parse(D + "-513");
    private static final Sid ENGINEERS = Sid.parse(D + "-1107");

    @TempDir
    Path dir;
    EmbeddedStateStore store;
    DomainIdentityService ids;

    @BeforeEach
    void setUp() throws Exception {
        store = EmbeddedStateStore.open(dir);
        IdMapRouter idmap = IdMapRouter.create(IdMapConfig.of(List.of(
                new IdMapConfig.Settings("*", null, null, "3000-7999", Map.of()),
                new IdMapConfig.Settings("EXAMPLE", D, "rid", "10000-999999", Map.of()))), store, Map.of(),
                n -> Optional.empty());
        Directory dir = new Directory();
        dir.add(new DirectoryAccount(ALICE, "Alice", AccountKind.USER, "Alice Liddell", "alice@example.test",
                Optional.of(USERS), OptionalLong.empty(), OptionalLong.empty(), Optional.empty(),
                Optional.empty(), "CN=alice"));
        dir.add(DirectoryAccount.of(BOB, "bob", AccountKind.USER, Optional.of(USERS)));
        dir.add(DirectoryAccount.of(USERS, "Domain Users", AccountKind.DOMAIN_GROUP, Optional.empty()));
        dir.add(DirectoryAccount.of(ENGINEERS, "Engineers", AccountKind.DOMAIN_GROUP, Optional.empty()));
        dir.tokenGroups.put(ALICE, List.of(USERS, ENGINEERS));
        dir.members.put(ENGINEERS, List.of(ALICE, BOB));
        ids = new DomainIdentityService(new CachingDirectory(dir), idmap,
                new IdentityService.DomainInfo("EXAMPLE", "example.test", Sid.parse(D), "BOSSA", '\\'),
                new DomainIdentityService.Templates("/home/%D/%U", "/bin/false"), false);
    }

    @AfterEach
    void tearDown() {
        store.close();
    }

    @Test
    void aUserLooksAsWinbindShowsHer() throws Exception {
        PosixUser alice = ids.userByName("EXAMPLE\\ALICE").orElseThrow();
        assertThat(alice).isEqualTo(new PosixUser("EXAMPLE\\alice", 11103, 10513, "Alice Liddell",
                "/home/EXAMPLE/alice", "/bin/false", ALICE));
        assertThat(ids.userByName("alice")).contains(alice);
        assertThat(ids.userByName("alice@example.test")).contains(alice);
        assertThat(ids.userByUid(11103)).contains(alice);
        assertThat(ids.userBySid(ALICE)).contains(alice);
        assertThat(ids.userByName("OTHER\\alice")).isEmpty();
        assertThat(ids.userByName("EXAMPLE\\engineers")).as("a group is no user").isEmpty();
    }

    @Test
    void aGroupListsItsMembersAndAUserHerGroups() throws Exception {
        PosixGroup eng = ids.groupByName("EXAMPLE\\engineers").orElseThrow();
        assertThat(eng.gid()).isEqualTo(11107);
        assertThat(eng.name()).isEqualTo("EXAMPLE\\engineers");
        assertThat(eng.members()).containsExactly("EXAMPLE\\alice", "EXAMPLE\\bob");
        assertThat(ids.groupByGid(11107)).contains(eng);
        assertThat(ids.groupIdsOf("EXAMPLE\\alice")).containsExactly(10513L, 11107L);
        assertThat(ids.groupSidsOf(ALICE)).containsExactly(USERS, ENGINEERS);
    }

    @Test
    void namesAndSidsBothWaysIncludingTheWellKnownOnes() throws Exception {
        assertThat(ids.lookupName("EXAMPLE\\alice")).contains(new Principal(ALICE, "EXAMPLE", "Alice", SidType.USER));
        assertThat(ids.lookupSid(ENGINEERS)).contains(new Principal(ENGINEERS, "EXAMPLE", "Engineers", SidType.DOM_GROUP));
        assertThat(ids.lookupName("BUILTIN\\Users").orElseThrow().sid()).isEqualTo(Sid.BUILTIN_USERS);
        assertThat(ids.lookupSid(Sid.EVERYONE).orElseThrow().name()).isEqualTo("Everyone");
        assertThat(ids.lookupSid(Sid.parse("S-1-5-21-9-9-9-1000"))).isEmpty();
        long builtinUsers = ids.groupBySid(Sid.BUILTIN_USERS).orElseThrow().gid();
        assertThat(builtinUsers).isBetween(3000L, 7999L);
        assertThat(ids.gidToSid(builtinUsers)).contains(Sid.BUILTIN_USERS);
    }

    @Test
    void listingsShowQualifiedLowerCaseNames() throws Exception {
        assertThat(ids.listUsers(100)).containsExactly("EXAMPLE\\alice", "EXAMPLE\\bob");
        assertThat(ids.listGroups(100)).containsExactly("EXAMPLE\\domain users", "EXAMPLE\\engineers");
    }

    /** The directory in memory. */
    private static final class Directory implements AccountDirectory {
        final Map<String, DirectoryAccount> byName = new HashMap<>();
        final Map<Sid, List<Sid>> tokenGroups = new HashMap<>();
        final Map<Sid, List<Sid>> members = new HashMap<>();
        final List<DirectoryAccount> all = new ArrayList<>();

        void add(DirectoryAccount a) {
            byName.put(a.samAccountName().toLowerCase(Locale.ROOT), a);
            all.add(a);
        }

        @Override
        public Optional<DirectoryAccount> byName(String name) {
            return Optional.ofNullable(byName.get(name.toLowerCase(Locale.ROOT)));
        }

        @Override
        public Optional<DirectoryAccount> bySid(Sid sid) {
            return all.stream().filter(a -> a.sid().equals(sid)).findFirst();
        }

        @Override
        public Optional<DirectoryAccount> byUidNumber(long uid) {
            return Optional.empty();
        }

        @Override
        public Optional<DirectoryAccount> byGidNumber(long gid) {
            return Optional.empty();
        }

        @Override
        public Optional<List<Sid>> tokenGroups(Sid user) {
            return Optional.ofNullable(tokenGroups.get(user));
        }

        @Override
        public Optional<AccountListing> members(Sid group, int cap) {
            List<Sid> m = members.get(group);
            return m == null ? Optional.of(new AccountListing(List.of(), false))
                    : Optional.of(new AccountListing(m.stream().map(s -> bySid(s).orElseThrow()).toList(), false));
        }

        @Override
        public AccountListing users(int cap) {
            return new AccountListing(all.stream().filter(a -> a.kind() == AccountKind.USER).toList(), false);
        }

        @Override
        public AccountListing groups(int cap) {
            return new AccountListing(all.stream().filter(a -> a.kind().isGroup()).toList(), false);
        }

        @Override
        public String lastDc() {
            return "dc1.example.test";
        }
    }
}
