package org.bossa.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.DeleteRequest;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.LDAPInterface;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import com.unboundid.ldap.sdk.controls.SubtreeDeleteRequestControl;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bossa.domain.ldap.LdapConnector;
import org.bossa.domain.ldap.LdapCredentials;
import org.bossa.domain.ldap.LdapSession;
import org.bossa.domain.ldap.LdapTarget;
import org.bossa.dtyp.Sid;
import org.bossa.it.dc.DcInfo;
import org.bossa.it.dc.LoopbackDc;
import org.bossa.kerberos.KdcClient;
import org.bossa.kerberos.KdcConfig;
import org.bossa.kerberos.Tgt;
import org.bossa.kerberos.gss.InitiatorTicket;
import org.bossa.kerberos.kpasswd.KpasswdClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@link MachineAccountDirectory} (and the {@link DirectoryAccounts} under it) against the loopback
 * Samba AD DC, bound as a computer account through the real path: DC locator, Kerberos logon with
 * the machine password, sealed SASL GSSAPI. Also a group of {@link #BIG} members made for the test
 * in its own OU, so that its {@code member} values take two range-retrieval requests (1500 a page).
 */
@ExtendWith(LoopbackDc.class)
class DirectoryAccountsIT {
    private static final String NAME = "DIRACCT1";
    private static final String ACCOUNT = NAME + "$";
    private static final String PASSWORD = "Dir-Accounts-It-Pw-1";
    private static final String OU = "OU=DirAccountsIT";
    private static final String BIG_GROUP = "diracct-big";
    /** More than one range page of AD/Samba (1500 values). */
    private static final int BIG = 1600;

    private static DcInfo dc;
    private static MachineAccountDirectory directory;
    private static Sid domainSid;

    @BeforeAll
    static void setUp(DcInfo info) throws Exception {
        dc = info;
        dc.createEnabledComputer(NAME);
        KdcClient kdc = new KdcClient(KdcConfig.of(dc.realm(), List.of(dc.dcIp())).withTimeout(Duration.ofSeconds(10)));
        Tgt admin = kdc.asExchange(dc.adminUser(), dc.adminPassword().toCharArray());
        KpasswdClient.forRealm(KdcConfig.of(dc.realm(), List.of(dc.dcIp())), kdc.clock())
                .setPassword(kdc.serviceTicket(admin, "kadmin/changepw"), ACCOUNT, PASSWORD.toCharArray());
        try (LdapSession s = new LdapConnector(Duration.ofSeconds(5), Duration.ofMinutes(3)).connect(
                LdapTarget.plain(dc.dcHost()),
                LdapCredentials.kerberos(InitiatorTicket.of(kdc.serviceTicket(admin, "ldap/" + dc.dcHost()))))) {
            makeBigGroup(s.connection());
        }
        directory = new MachineAccountDirectory(new LiveDomainConnector(), () -> settings(List.of(dc.dcIp())),
                DirectoryAccountsIT::membership);
        domainSid = directory.byName("Domain Users").orElseThrow().sid().domain();
    }

    @AfterAll
    static void tearDown() throws Exception {
        if (directory != null) {
            directory.close();
        }
        if (dc != null) {
            dc.deleteComputerIfPresent(NAME);
            KdcClient kdc = new KdcClient(KdcConfig.of(dc.realm(), List.of(dc.dcIp())));
            Tgt admin = kdc.asExchange(dc.adminUser(), dc.adminPassword().toCharArray());
            // deleting 1600 users takes the DC longer than the default 10 s response timeout
            try (LdapSession s = new LdapConnector(Duration.ofSeconds(5), Duration.ofMinutes(3)).connect(
                    LdapTarget.plain(dc.dcHost()),
                    LdapCredentials.kerberos(InitiatorTicket.of(kdc.serviceTicket(admin, "ldap/" + dc.dcHost()))))) {
                deleteOu(s.connection());
            }
        }
    }

    /** OU=DirAccountsIT with users diracct0000..., a global group holding them all, and RFC 2307 ids on two. */
    private static void makeBigGroup(LDAPConnection c) throws LDAPException {
        deleteOu(c);
        String ou = OU + "," + dc.domainDn();
        c.add(new Entry(ou, new Attribute("objectClass", "organizationalUnit")));
        List<String> dns = new ArrayList<>(BIG);
        for (int i = 0; i < BIG; i++) {
            String name = String.format("diracct%04d", i);
            String dn = "CN=" + name + "," + ou;
            List<Attribute> attributes = new ArrayList<>(List.of(new Attribute("objectClass", "user"),
                    new Attribute("sAMAccountName", name)));
            if (i == 0) {
                attributes.addAll(List.of(new Attribute("uidNumber", "470001"), new Attribute("gidNumber", "470100"),
                        new Attribute("unixHomeDirectory", "/home/diracct0000"), new Attribute("loginShell", "/bin/zsh")));
            }
            c.add(new Entry(dn, attributes));
            dns.add(dn);
        }
        String group = "CN=" + BIG_GROUP + "," + ou;
        c.add(new Entry(group, new Attribute("objectClass", "group"), new Attribute("sAMAccountName", BIG_GROUP),
                new Attribute("gidNumber", "470100")));
        for (int i = 0; i < dns.size(); i += 500) {
            c.modify(group, new Modification(ModificationType.ADD, "member",
                    dns.subList(i, Math.min(dns.size(), i + 500)).toArray(String[]::new)));
        }
    }

    private static void deleteOu(LDAPConnection c) throws LDAPException {
        String ou = OU + "," + dc.domainDn();
        if (c.getEntry(ou, "1.1") != null) {
            DeleteRequest delete = new DeleteRequest(ou);
            delete.addControl(new SubtreeDeleteRequestControl(true));
            c.delete(delete);
        }
    }

    private static DomainSettings settings(List<String> controllers) {
        return new DomainSettings(dc.realm(), Optional.of(dc.netbiosDomain()), new ComputerName(NAME,
                dc.realm().toLowerCase()), controllers, List.of(), Path.of("/nonexistent/krb5.keytab"),
                DomainSettings.LdapProtection.SASL, Optional.empty(), false, Optional.empty());
    }

    private static DomainMembership membership() {
        return new DomainMembership(dc.realm(), dc.realm().toLowerCase(), dc.netbiosDomain(), "S-1-5-21-0-0-0",
                new ComputerName(NAME, dc.realm().toLowerCase()), "CN=" + NAME + ",CN=Computers," + dc.domainDn(), 2,
                0x18, PASSWORD, Optional.empty(), Path.of("/nonexistent/krb5.keytab"), dc.dcHost(), "",
                Instant.EPOCH, Instant.EPOCH);
    }

    private static List<String> names(AccountListing l) {
        return l.accounts().stream().map(DirectoryAccount::samAccountName).toList();
    }

    @Test
    void aUserByNameByUpnAndBySid() throws Exception {
        DirectoryAccount alice = directory.byName("ALICE").orElseThrow();
        assertThat(alice.samAccountName()).isEqualTo("alice");
        assertThat(alice.kind()).isEqualTo(AccountKind.USER);
        assertThat(alice.sid().isInDomain(domainSid)).isTrue();
        assertThat(alice.primaryGroup()).contains(domainSid.withRid(513));
        assertThat(alice.dn()).startsWithIgnoringCase("CN=alice,");
        assertThat(directory.lastDc()).isEqualToIgnoringCase(dc.dcHost());

        assertThat(directory.bySid(alice.sid())).contains(alice);
        if (!alice.userPrincipalName().isEmpty()) {
            assertThat(directory.byName(alice.userPrincipalName())).contains(alice);
        }
        assertThat(directory.byName("nosuchuser")).isEmpty();
        assertThat(directory.byName("ali*")).as("a filter metacharacter matches only itself").isEmpty();
        assertThat(directory.bySid(domainSid.withRid(999_999))).isEmpty();

        DirectoryAccount computer = directory.byName(ACCOUNT).orElseThrow();
        assertThat(computer.kind()).isEqualTo(AccountKind.COMPUTER);
        assertThat(computer.primaryGroup()).contains(domainSid.withRid(515));
    }

    @Test
    void groupsAreDomainGroupsOrAliases() throws Exception {
        DirectoryAccount engineers = directory.byName("engineers").orElseThrow();
        assertThat(engineers.kind()).isEqualTo(AccountKind.DOMAIN_GROUP);
        assertThat(engineers.primaryGroup()).isEmpty();
        assertThat(directory.bySid(domainSid.withRid(512)).orElseThrow().samAccountName()).isEqualTo("Domain Admins");
        // a builtin group is in the directory too, under CN=Builtin, as an alias with its S-1-5-32 SID
        DirectoryAccount administrators = directory.bySid(Sid.BUILTIN_ADMINISTRATORS).orElseThrow();
        assertThat(administrators.kind()).isEqualTo(AccountKind.ALIAS);
        // a domain-local group is an alias
        assertThat(directory.byName("DnsAdmins").map(DirectoryAccount::kind)).contains(AccountKind.ALIAS);
    }

    @Test
    void rfc2307IdsBothWays() throws Exception {
        DirectoryAccount user = directory.byUidNumber(470001).orElseThrow();
        assertThat(user.samAccountName()).isEqualTo("diracct0000");
        assertThat(user.uidNumber()).hasValue(470001);
        assertThat(user.gidNumber()).hasValue(470100);
        assertThat(user.unixHomeDirectory()).contains("/home/diracct0000");
        assertThat(user.loginShell()).contains("/bin/zsh");
        // the user's gidNumber is its primary gid: only the group answers for gid 470100
        assertThat(directory.byGidNumber(470100).map(DirectoryAccount::samAccountName)).contains(BIG_GROUP);
        assertThat(directory.byUidNumber(470002)).isEmpty();
        assertThat(directory.byGidNumber(470002)).isEmpty();
    }

    @Test
    void aliceTokenGroupsHoldEngineersAndDomainUsers() throws Exception {
        Sid alice = directory.byName("alice").orElseThrow().sid();
        Sid engineers = directory.byName("Engineers").orElseThrow().sid();
        List<Sid> token = directory.tokenGroups(alice).orElseThrow();
        assertThat(token).contains(engineers, domainSid.withRid(513)).doesNotContain(alice);
        Sid carol = directory.byName("carol").orElseThrow().sid();
        assertThat(directory.tokenGroups(carol).orElseThrow()).doesNotContain(engineers);
        assertThat(directory.tokenGroups(domainSid.withRid(999_999))).isEmpty();
    }

    @Test
    void membersOfEngineersAndOfDomainUsersByPrimaryGroup() throws Exception {
        AccountListing engineers = directory.members(directory.byName("Engineers").orElseThrow().sid(), 100)
                .orElseThrow();
        assertThat(names(engineers)).containsExactly("alice", "bob");
        assertThat(engineers.truncated()).isFalse();

        // Domain Users has no 'member' values: everyone is in it by primaryGroupID
        AccountListing domainUsers = directory.members(domainSid.withRid(513), 10_000).orElseThrow();
        assertThat(names(domainUsers)).contains("alice", "bob", "carol", "diracct0000").doesNotContain(ACCOUNT);
        assertThat(domainUsers.truncated()).isFalse();
        AccountListing capped = directory.members(domainSid.withRid(513), 3).orElseThrow();
        assertThat(capped.accounts()).hasSize(3);
        assertThat(capped.truncated()).isTrue();

        assertThat(directory.members(directory.byName("alice").orElseThrow().sid(), 10)).as("a user has no members")
                .isEmpty();
    }

    @Test
    void aLargeGroupIsReadWithRangeRetrieval() throws Exception {
        Sid big = directory.byName(BIG_GROUP).orElseThrow().sid();
        AccountListing all = directory.members(big, 5000).orElseThrow();
        assertThat(all.accounts()).hasSize(BIG);
        assertThat(all.truncated()).isFalse();
        assertThat(names(all)).first().isEqualTo("diracct0000");
        assertThat(names(all)).last().isEqualTo(String.format("diracct%04d", BIG - 1));
        assertThat(all.accounts()).allSatisfy(a -> {
            assertThat(a.kind()).isEqualTo(AccountKind.USER);
            assertThat(a.sid().isInDomain(domainSid)).isTrue();
        });

        AccountListing capped = directory.members(big, 1550).orElseThrow();
        assertThat(capped.accounts()).hasSize(1550);
        assertThat(capped.truncated()).isTrue();
    }

    /** The member values come in two ranges (0-1499, then 1500-*), seen through a recording connection. */
    @Test
    void theLargeGroupTakesTwoRangeRequests() throws Exception {
        KdcClient kdc = new KdcClient(KdcConfig.of(dc.realm(), List.of(dc.dcIp())));
        Tgt machine = kdc.asExchange(ACCOUNT, PASSWORD.toCharArray());
        List<String> asked = new ArrayList<>();
        List<String> answered = new ArrayList<>();
        try (LdapSession s = new LdapConnector().connect(LdapTarget.plain(dc.dcHost()),
                LdapCredentials.kerberos(InitiatorTicket.of(kdc.serviceTicket(machine, "ldap/" + dc.dcHost()))))) {
            LDAPConnection c = s.connection();
            LDAPInterface recording = (LDAPInterface) Proxy.newProxyInstance(getClass().getClassLoader(),
                    new Class<?>[] {LDAPInterface.class}, (proxy, method, args) -> {
                        Object result;
                        try {
                            result = method.invoke(c, args);
                        } catch (InvocationTargetException e) {
                            throw e.getCause();
                        }
                        if (method.getName().equals("getEntry") && args.length == 2 && args[1] instanceof String[] a
                                && a.length == 1 && a[0].startsWith("member;range=")) {
                            asked.add(a[0]);
                            if (result instanceof Entry e) {
                                e.getAttributes().forEach(at -> answered.add(at.getName() + ":" + at.size()));
                            }
                        }
                        return result;
                    });
            DirectoryAccounts accounts = new DirectoryAccounts(recording, dc.dcHost());
            Sid big = accounts.byName(BIG_GROUP).orElseThrow().sid();
            assertThat(accounts.members(big, 5000).orElseThrow().accounts()).hasSize(BIG);
        }
        assertThat(asked).containsExactly("member;range=0-1499", "member;range=1500-2999");
        assertThat(answered).containsExactly("member;range=0-1499:1500", "member;range=1500-*:" + (BIG - 1500));
    }

    @Test
    void enumerationsAreBoundedAndSorted() throws Exception {
        AccountListing users = directory.users(10_000);
        assertThat(users.truncated()).isFalse();
        assertThat(names(users)).contains("alice", "bob", "carol", "diracct0000").doesNotContain(ACCOUNT);
        assertThat(names(users)).isSortedAccordingTo(String.CASE_INSENSITIVE_ORDER);
        assertThat(users.accounts()).hasSizeGreaterThan(BIG);

        AccountListing few = directory.users(5);
        assertThat(few.accounts()).hasSize(5);
        assertThat(few.truncated()).isTrue();

        AccountListing groups = directory.groups(10_000);
        assertThat(names(groups)).contains("Engineers", "Domain Users", "Domain Admins", BIG_GROUP, "DnsAdmins")
                .doesNotContain("Administrators", "Users");
        assertThat(groups.accounts()).allSatisfy(g -> assertThat(g.kind().isGroup()).isTrue());
        AccountListing twoGroups = directory.groups(2);
        assertThat(twoGroups.accounts()).hasSize(2);
        assertThat(twoGroups.truncated()).isTrue();
    }

    @Test
    void anUnreachableDcIsAFailureNotAnEmptyAnswer() {
        try (MachineAccountDirectory nowhere = new MachineAccountDirectory(new LiveDomainConnector(),
                () -> settings(List.of("127.0.0.9")), DirectoryAccountsIT::membership)) {
            assertThatThrownBy(() -> nowhere.byName("alice")).isInstanceOfSatisfying(DirectoryLookupException.class,
                    e -> {
                        assertThat(e.reason()).isEqualTo(DirectoryLookupException.Reason.DC_UNREACHABLE);
                        assertThat(e.offline()).isTrue();
                    });
        }
    }

    @Test
    void aWrongMachinePasswordIsABindFailure() {
        try (MachineAccountDirectory wrong = new MachineAccountDirectory(new LiveDomainConnector(),
                () -> settings(List.of(dc.dcIp())), () -> {
                    DomainMembership m = membership();
                    return m.withNewPassword("not-the-password", 3, dc.dcHost(), "", Instant.EPOCH);
                })) {
            assertThatThrownBy(() -> wrong.byName("alice")).isInstanceOfSatisfying(DirectoryLookupException.class,
                    e -> assertThat(e.reason()).isEqualTo(DirectoryLookupException.Reason.BIND_FAILED));
        }
    }
}
