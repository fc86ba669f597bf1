package org.bossa.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.LDAPConnection;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.bossa.domain.DirectoryLookupException.Reason;
import org.bossa.domain.locator.Discovery;
import org.bossa.domain.locator.DomainController;
import org.bossa.dtyp.Sid;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Account lookups against an in-memory directory shaped like AD (schema checks off). Range
 * retrieval, tokenGroups and the bitwise matching rule are AD behaviour the in-memory server does
 * not have; DirectoryAccountsIT covers them against Samba.
 */
class DirectoryAccountsTest {
    private static final String BASE = "DC=example,DC=test";
    private static final Sid DOMAIN = Sid.parse("S-1-5-21-1-2-3");
    private InMemoryDirectoryServer ds;

    @BeforeEach
    void start() throws Exception {
        InMemoryDirectoryServerConfig config = new InMemoryDirectoryServerConfig(BASE);
        config.setSchema(null);
        config.setCustomRootDSEAttributes(List.of(new Attribute("defaultNamingContext", BASE)));
        ds = new InMemoryDirectoryServer(config);
        ds.add(new Entry(BASE, new Attribute("objectClass", "top", "domain"), new Attribute("objectSid", DOMAIN.encode())));
        ds.add(new Entry("CN=Users," + BASE, new Attribute("objectClass", "container")));
        user("alice", 1103, "uidNumber: 10001", "gidNumber: 10513", "loginShell: /bin/bash",
                "unixHomeDirectory: /home/alice", "userPrincipalName: alice@example.test", "displayName: Alice A.");
        user("bob", 1104);
        ds.add(new Entry("CN=WS1,CN=Users," + BASE, new Attribute("objectClass", "top", "person", "user", "computer"),
                new Attribute("sAMAccountName", "WS1$"), new Attribute("objectSid", DOMAIN.withRid(1200).encode()),
                new Attribute("primaryGroupID", "515")));
        group("Engineers", 1105, 0x80000002, "CN=alice,CN=Users," + BASE,
                "CN=S-1-5-11,CN=ForeignSecurityPrincipals," + BASE);
        group("Local Admins", 1106, 0x80000004);
        group("Domain Users", 513, 0x80000002);
        ds.add(new Entry("CN=ForeignSecurityPrincipals," + BASE, new Attribute("objectClass", "container")));
        ds.add(new Entry("CN=S-1-5-11,CN=ForeignSecurityPrincipals," + BASE,
                new Attribute("objectClass", "top", "foreignSecurityPrincipal"),
                new Attribute("objectSid", Sid.AUTHENTICATED_USERS.encode())));
        ds.startListening();
    }

    private void user(String name, int rid, String... extra) throws Exception {
        Entry e = new Entry("CN=" + name + ",CN=Users," + BASE, new Attribute("objectClass", "top", "person", "user"),
                new Attribute("sAMAccountName", name), new Attribute("objectSid", DOMAIN.withRid(rid).encode()),
                new Attribute("primaryGroupID", "513"), new Attribute("sAMAccountType", "805306368"));
        for (String line : extra) {
            int colon = line.indexOf(": ");
            e.addAttribute(line.substring(0, colon), line.substring(colon + 2));
        }
        ds.add(e);
    }

    private void group(String name, int rid, int groupType, String... members) throws Exception {
        Entry e = new Entry("CN=" + name + ",CN=Users," + BASE, new Attribute("objectClass", "top", "group"),
                new Attribute("sAMAccountName", name), new Attribute("objectSid", DOMAIN.withRid(rid).encode()),
                new Attribute("groupType", Integer.toString(groupType)));
        if (members.length > 0) {
            e.addAttribute("member", members);
        }
        ds.add(e);
    }

    @AfterEach
    void stop() {
        ds.shutDown(true);
    }

    @Test
    void anAccountWithItsRfc2307DataAndPrimaryGroup() throws Exception {
        try (LDAPConnection c = ds.getConnection()) {
            DirectoryAccounts accounts = new DirectoryAccounts(c, "dc1.example.test");
            DirectoryAccount alice = accounts.byName("ALICE").orElseThrow();
            assertThat(alice.sid()).isEqualTo(DOMAIN.withRid(1103));
            assertThat(alice.kind()).isEqualTo(AccountKind.USER);
            assertThat(alice.primaryGroup()).contains(DOMAIN.withRid(513));
            assertThat(alice.uidNumber()).hasValue(10001);
            assertThat(alice.gidNumber()).hasValue(10513);
            assertThat(alice.loginShell()).contains("/bin/bash");
            assertThat(alice.unixHomeDirectory()).contains("/home/alice");
            assertThat(alice.displayName()).isEqualTo("Alice A.");
            assertThat(accounts.byName("alice@example.test")).contains(alice);
            assertThat(accounts.bySid(alice.sid())).contains(alice);
            assertThat(accounts.byUidNumber(10001)).contains(alice);
            assertThat(accounts.byGidNumber(10513)).as("a user's gidNumber is no group's").isEmpty();
            assertThat(accounts.domainSid()).isEqualTo(DOMAIN);

            assertThat(accounts.byName("WS1$").map(DirectoryAccount::kind)).contains(AccountKind.COMPUTER);
            assertThat(accounts.byName("Engineers").map(DirectoryAccount::kind)).contains(AccountKind.DOMAIN_GROUP);
            assertThat(accounts.byName("Local Admins").map(DirectoryAccount::kind)).contains(AccountKind.ALIAS);
            assertThat(accounts.byName("nobody")).isEmpty();
            assertThat(accounts.byName("*")).isEmpty();
            assertThat(accounts.bySid(Sid.AUTHENTICATED_USERS)).as("a foreign principal stub is no account").isEmpty();
        }
    }

    @Test
    void membersByPrimaryGroup() throws Exception {
        // (explicit members need range retrieval, which the in-memory server lacks: see DirectoryAccountsIT)
        try (LDAPConnection c = ds.getConnection()) {
            DirectoryAccounts accounts = new DirectoryAccounts(c, "dc1.example.test");
            AccountListing domainUsers = accounts.members(DOMAIN.withRid(513), 10).orElseThrow();
            assertThat(domainUsers.accounts()).extracting(DirectoryAccount::samAccountName).containsExactly("alice", "bob");
            AccountListing one = accounts.members(DOMAIN.withRid(513), 1).orElseThrow();
            assertThat(one.accounts()).hasSize(1);
            assertThat(one.truncated()).isTrue();
            assertThat(accounts.members(DOMAIN.withRid(1103), 10)).isEmpty();
            assertThat(accounts.members(DOMAIN.withRid(9999), 10)).isEmpty();
        }
    }

    @Test
    void usersArePagedCappedAndSorted() throws Exception {
        for (int i = 0; i < 30; i++) {
            user(String.format("u%02d", 29 - i), 2000 + i);
        }
        try (LDAPConnection c = ds.getConnection()) {
            DirectoryAccounts accounts = new DirectoryAccounts(c, "dc1.example.test");
            AccountListing all = accounts.users(1000);
            assertThat(all.accounts()).hasSize(32);
            assertThat(all.truncated()).isFalse();
            assertThat(all.accounts()).extracting(DirectoryAccount::samAccountName)
                    .isSortedAccordingTo(String.CASE_INSENSITIVE_ORDER).doesNotContain("WS1$");
            AccountListing capped = accounts.users(32);
            assertThat(capped.accounts()).hasSize(32);
            assertThat(capped.truncated()).isFalse();
            AccountListing few = accounts.users(7);
            assertThat(few.accounts()).hasSize(7);
            assertThat(few.truncated()).isTrue();
            assertThatThrownBy(() -> accounts.users(0)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void aMalformedSidIsAMalformedAnswerAndALostConnectionIsUnreachable() throws Exception {
        ds.add(new Entry("CN=broken,CN=Users," + BASE, new Attribute("objectClass", "user"),
                new Attribute("sAMAccountName", "broken"), new Attribute("objectSid", new byte[] {1, 9, 0})));
        LDAPConnection c = ds.getConnection();
        DirectoryAccounts accounts = new DirectoryAccounts(c, "dc1.example.test");
        assertThatThrownBy(() -> accounts.byName("broken")).isInstanceOfSatisfying(DirectoryLookupException.class,
                e -> assertThat(e.reason()).isEqualTo(Reason.MALFORMED_ANSWER));
        c.close();
        assertThatThrownBy(() -> accounts.byName("alice")).isInstanceOfSatisfying(DirectoryLookupException.class,
                e -> {
                    assertThat(e.reason()).isEqualTo(Reason.DC_UNREACHABLE);
                    assertThat(e.offline()).isTrue();
                });
    }

    @Test
    void theMachineDirectoryReopensADroppedSessionOnce() throws Exception {
        AtomicInteger opened = new AtomicInteger();
        List<LDAPConnection> connections = new ArrayList<>();
        DomainConnector net = new FakeConnector() {
            @Override
            public DirectorySession openDirectory(DomainSettings s, String principal, char[] password) {
                opened.incrementAndGet();
                try {
                    LDAPConnection c = ds.getConnection();
                    connections.add(c);
                    return new TestSession(c);
                } catch (Exception e) {
                    throw new DomainException(DomainException.Cause.DC_UNREACHABLE, e.toString(), e);
                }
            }
        };
        try (MachineAccountDirectory dir = new MachineAccountDirectory(net, DirectoryAccountsTest::settings,
                MembershipStoreTest::sample, Clock.systemUTC(), Duration.ofHours(1))) {
            assertThat(dir.byName("alice")).isPresent();
            assertThat(dir.byName("bob")).isPresent();
            assertThat(opened).hasValue(1);
            assertThat(dir.lastDc()).isEqualTo("dc1.example.test");
            connections.getLast().close(); // the DC dropped the connection
            assertThat(dir.byName("bob")).isPresent();
            assertThat(opened).hasValue(2);
        }
        try (MachineAccountDirectory down = new MachineAccountDirectory(new FakeConnector(),
                DirectoryAccountsTest::settings, MembershipStoreTest::sample)) {
            assertThatThrownBy(() -> down.byName("alice")).isInstanceOfSatisfying(DirectoryLookupException.class,
                    e -> assertThat(e.reason()).isEqualTo(Reason.DC_UNREACHABLE));
        }
    }

    private static DomainSettings settings() {
        return new DomainSettings("EXAMPLE.TEST", Optional.empty(), new ComputerName("BOSSA1", "example.test"),
                List.of("127.0.0.9"), List.of(), Path.of("/tmp/krb5.keytab"), DomainSettings.LdapProtection.SASL,
                Optional.empty(), false, Optional.empty());
    }

    private record TestSession(LDAPConnection c) implements DirectorySession {
        @Override
        public DomainController dc() {
            return new DomainController("dc1.example.test", InetAddress.getLoopbackAddress(), "DC1", "EXAMPLE",
                    "example.test", "example.test", "", "", Set.of(), new UUID(0, 0), Discovery.CONFIGURED);
        }

        @Override
        public ComputerAccounts accounts() {
            throw new UnsupportedOperationException();
        }

        @Override
        public DirectoryNames names() {
            return new DirectoryNames(c);
        }

        @Override
        public DirectoryAccounts directoryAccounts() {
            return new DirectoryAccounts(c, "dc1.example.test");
        }

        @Override
        public String description() {
            return "in-memory";
        }

        @Override
        public void close() {
            c.close();
        }
    }

    /** A connector whose DC never answers. */
    private static class FakeConnector implements DomainConnector {
        @Override
        public DirectorySession openDirectory(DomainSettings s, String principal, char[] password) {
            throw new DomainException(DomainException.Cause.DC_UNREACHABLE, "no DC answers (test)");
        }

        @Override
        public String login(DomainSettings s, DomainController dc, String principal, char[] password) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void writeKeytab(Path keytab, DomainSettings s, String salt, char[] password, int kvno,
                Optional<PreviousKey> previous) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void changeOwnPassword(DomainSettings s, DomainController dc, String principal, char[] current,
                char[] next) {
            throw new UnsupportedOperationException();
        }

        @Override
        public OptionalInt newestKvno(Path keytab, String principal) {
            throw new UnsupportedOperationException();
        }

        @Override
        public String secureChannel(DomainSettings s, DomainMembership m) {
            throw new UnsupportedOperationException();
        }
    }
}
