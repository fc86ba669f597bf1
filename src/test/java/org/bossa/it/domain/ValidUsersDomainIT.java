package org.bossa.it.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.bossa.it.dc.DcInfo;
import org.bossa.it.dc.LoopbackDc;
import org.bossa.it.dc.ToolResult;
import org.bossa.text.LogSafe;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code valid-users} on a joined member, against the loopback DC (users alice, bob, carol; group
 * Engineers = alice and bob), with a local user also named alice: a domain-qualified name admits
 * the domain user only, an unqualified one the local user only, a domain group is looked up over
 * LDAP as the machine account and admits its members only, and when the lookup cannot be made the
 * group entry refuses (fail closed) while a name entry still admits.
 */
@ExtendWith(LoopbackDc.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ValidUsersDomainIT {
    private static final String LOCAL_PASSWORD = "Local!Passw0rd";
    private static MemberServer member;
    private static DcInfo dc;

    @BeforeAll
    static void joinAndServe(DcInfo info) throws Exception {
        dc = info;
        member = new MemberServer(dc, "BOSSAVU");
        BossaCommand.Result join = member.join();
        assertThat(join.succeeded()).as("%s", join).isTrue();
        BossaCommand.Result add = BossaCommand.run(Duration.ofSeconds(30), LOCAL_PASSWORD, "user", "add", "alice",
                "--password-stdin", "--state-dir", member.stateDir().toString());
        assertThat(add.succeeded()).as("%s", add).isTrue();
        String domain = dc.netbiosDomain();
        member.share("domalice", domain + "\\alice")
                .share("upnalice", "alice@" + dc.realm().toLowerCase(java.util.Locale.ROOT))
                .share("localalice", "alice")
                .share("engineers", "+" + domain + "\\Engineers")
                .share("engineersorcarol", "@" + domain + "\\Engineers", domain + "\\carol");
        member.start();
    }

    @AfterAll
    static void stopAndLeave() throws Exception {
        if (member != null) {
            member.close();
            member.leave();
        }
    }

    private static ToolResult ls(String share, String user, String password) {
        return dc.run(List.of("smbclient", "//" + member.bindAddress + "/" + share, "-p", Integer.toString(member.port),
                "-m", "SMB3", "-U", user + "%" + password, "-c", "ls"), null);
    }

    private static ToolResult domainUser(String share, String user, String password) {
        return ls(share, dc.netbiosDomain() + "\\" + user, password);
    }

    private static ToolResult localAlice(String share) {
        return ls(share, "BOSSAVU\\alice", LOCAL_PASSWORD);
    }

    @Test
    @Order(1)
    void aDomainQualifiedNameAdmitsTheDomainUserNotTheLocalOne() {
        for (String share : List.of("domalice", "upnalice")) {
            ToolResult alice = domainUser(share, "alice", DcInfo.ALICE_PASSWORD);
            assertThat(alice.succeeded()).as("%s: %s", share, alice).isTrue();
            assertThat(localAlice(share).output()).as(share).contains("NT_STATUS_ACCESS_DENIED");
            assertThat(domainUser(share, "bob", DcInfo.BOB_PASSWORD).output()).as(share).contains("NT_STATUS_ACCESS_DENIED");
        }
    }

    @Test
    @Order(1)
    void anUnqualifiedNameAdmitsTheLocalUserNotTheDomainOne() {
        ToolResult local = localAlice("localalice");
        assertThat(local.succeeded()).as("%s", local).isTrue();
        assertThat(domainUser("localalice", "alice", DcInfo.ALICE_PASSWORD).output()).contains("NT_STATUS_ACCESS_DENIED");
    }

    @Test
    @Order(1)
    void aDomainGroupAdmitsItsMembersAndNoOneElse() {
        for (String user : List.of("alice", "bob")) {
            String password = user.equals("alice") ? DcInfo.ALICE_PASSWORD : DcInfo.BOB_PASSWORD;
            ToolResult r = domainUser("engineers", user, password);
            assertThat(r.succeeded()).as("%s: %s", user, r).isTrue();
        }
        assertThat(domainUser("engineers", "carol", DcInfo.CAROL_PASSWORD).output()).contains("NT_STATUS_ACCESS_DENIED");
        assertThat(localAlice("engineers").output()).contains("NT_STATUS_ACCESS_DENIED");
    }

    @Test
    @Order(2)
    void whenTheGroupCannotBeLookedUpTheGroupEntryRefusesAndNameEntriesStillAdmit() throws Exception {
        // LDAPS with a CA that did not sign the DC's certificate: logons (Netlogon) still work, but
        // no LDAP session can be had, so +EXAMPLE\Engineers cannot be resolved
        Path ca = otherCa();
        member.close();
        member.start("ldap: ldaps", "ldap-ca-file: " + ca);
        ToolResult alice = domainUser("engineers", "alice", DcInfo.ALICE_PASSWORD);
        assertThat(alice.output()).contains("NT_STATUS_ACCESS_DENIED");
        // the user name is wire-derived, so the log shows it quoted and escaped
        assertThat(member.log()).contains("TREE_CONNECT to [engineers] by " + LogSafe.quote(dc.netbiosDomain() + "\\alice")
                + " refused: "
                + "valid-users entry +" + dc.netbiosDomain() + "\\Engineers could not be resolved");
        // carol is named: admitted without a lookup; alice is not named and her group cannot be resolved
        ToolResult carol = domainUser("engineersorcarol", "carol", DcInfo.CAROL_PASSWORD);
        assertThat(carol.succeeded()).as("%s", carol).isTrue();
        assertThat(domainUser("engineersorcarol", "alice", DcInfo.ALICE_PASSWORD).output()).contains("NT_STATUS_ACCESS_DENIED");
        ToolResult named = domainUser("domalice", "alice", DcInfo.ALICE_PASSWORD);
        assertThat(named.succeeded()).as("%s", named).isTrue();
    }

    /** A freshly made self-signed CA certificate (PEM), unrelated to the DC's. */
    private static Path otherCa() throws Exception {
        Path store = member.dir.resolve("other-ca.p12");
        Path pem = member.dir.resolve("other-ca.pem");
        Files.deleteIfExists(store);
        Files.deleteIfExists(pem);
        String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        ToolResult gen = dc.run(List.of(keytool, "-genkeypair", "-alias", "ca", "-keyalg", "EC", "-dname", "CN=Not The DC CA",
                "-ext", "bc:c", "-validity", "2", "-storetype", "PKCS12", "-keystore", store.toString(),
                "-storepass", "changeit"), null);
        assertThat(gen.succeeded()).as("%s", gen).isTrue();
        ToolResult export = dc.run(List.of(keytool, "-exportcert", "-rfc", "-alias", "ca", "-keystore", store.toString(),
                "-storepass", "changeit", "-file", pem.toString()), null);
        assertThat(export.succeeded()).as("%s", export).isTrue();
        return pem;
    }
}
