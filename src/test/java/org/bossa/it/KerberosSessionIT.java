package org.bossa.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.bossa.auth.AuthenticatedUser;
import org.bossa.auth.DomainIdentity;
import org.bossa.auth.Token;
import org.bossa.auth.kerberos.KerberosMechanism;
import org.bossa.auth.kerberos.TestKerberosRealm;
import org.bossa.auth.kerberos.pac.TestPacBuilder;
import org.bossa.dtyp.Sid;
import org.bossa.kerberos.gss.ContextFlag;
import org.bossa.kerberos.gss.InitiatorTicket;
import org.bossa.kerberos.gss.Krb5InitiatorContext;
import org.bossa.smb2.wire.FileId;
import org.bossa.smb2.wire.NtStatus;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kerberos logons end to end inside the JVM: the real server with the Kerberos mechanism over a
 * keytab, and a client speaking SPNEGO with the project's initiator and tickets a test KDC issues
 * with PACs the test builds. What the loopback DC cannot easily show is here: a session that
 * expires with its ticket and comes back on re-authentication, re-authentication taking the new
 * ticket's groups into the kernel, and a tampered PAC refused at the SMB level.
 */
class KerberosSessionIT {
    private static final long ID_BASE = 30000;
    private static final int LOCK_EXCLUSIVE = 0x02 | 0x10; // exclusive, fail immediately
    private static final int LOCK_UNLOCK = 0x04;
    @TempDir
    static Path keytabDir;
    private static TestKerberosRealm realm;
    private static TestServer server;

    @BeforeAll
    static void start() throws Exception {
        realm = new TestKerberosRealm(keytabDir.resolve("krb5.keytab"));
        server = TestServer.builder().kerberos(new KerberosMechanism(realm.acceptor()), KerberosSessionIT::token)
                .start();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    /** The rid formula over the PAC's domain, as a member's idmap would give it: id = 30000 + RID. */
    private static Optional<Token> token(AuthenticatedUser user) {
        DomainIdentity id = user.identity().orElseThrow();
        List<Long> gids = new ArrayList<>();
        for (Sid g : id.groupSids()) {
            if (g.toString().startsWith(TestPacBuilder.DOMAIN_SID + "-")) {
                gids.add(ID_BASE + g.rid());
            }
        }
        List<Sid> groups = new ArrayList<>(id.groupSids());
        return Optional.of(new Token(id.logonDomain(), id.account(), ID_BASE + id.userSid().rid(),
                ID_BASE + id.primaryGroupSid().rid(), gids, false, id.userSid(), groups, Set.of()));
    }

    private static Krb5InitiatorContext context(InitiatorTicket ticket) throws Exception {
        return new Krb5InitiatorContext(ticket, EnumSet.of(ContextFlag.MUTUAL, ContextFlag.INTEGRITY,
                ContextFlag.CONFIDENTIALITY), null);
    }

    private static InitiatorTicket ticket(TestPacBuilder pac, Instant authTime, Duration life) throws Exception {
        return realm.ticket(pac.build(), authTime, Instant.now().plus(life));
    }

    @Test
    void aKerberosLogonSignsWithTheAcceptorSubkeyAndFilesBelongToThePacUser() throws Exception {
        Instant auth = Instant.now().minusSeconds(60).truncatedTo(ChronoUnit.SECONDS);
        TestPacBuilder pac = realm.pac(auth);
        try (RawSmbClient c = new RawSmbClient(server)) {
            c.negotiate();
            RawSmbClient.Response r = c.sessionSetupKerberos(context(ticket(pac, auth, Duration.ofHours(1))));
            assertThat(r.status()).isEqualTo(NtStatus.SUCCESS);
            c.signAll(true);
            RawSmbClient.Response tree = c.treeConnectPath("\\\\" + server.host() + "\\share");
            RawSmbClient.expect(tree, NtStatus.SUCCESS, "a signed TREE_CONNECT");
            assertThat(c.signedBySession(tree)).as("signed with the key from the acceptor subkey").isTrue();
            c.adopt(c.sessionId(), tree.header().treeId());
            RawSmbClient.Response create = c.createFile("kerberos.txt");
            RawSmbClient.expect(create, NtStatus.SUCCESS, "CREATE");
            c.close(RawSmbClient.fileId(create));
        }
        // the PAC's user, RID 1103 by default: the kernel created the file with her uid
        assertThat(Files.getAttribute(server.shareDir().resolve("kerberos.txt"), "unix:uid"))
                .isEqualTo((int) (ID_BASE + pac.userSid().rid()));
    }

    @Test
    void aSessionExpiresWithItsTicketAndComesBackOnReauthentication() throws Exception {
        Instant auth = Instant.now().minusSeconds(60).truncatedTo(ChronoUnit.SECONDS);
        try (RawSmbClient c = new RawSmbClient(server)) {
            c.negotiate();
            Instant end = Instant.now().plusSeconds(3);
            RawSmbClient.Response r = c.sessionSetupKerberos(context(realm.ticket(realm.pac(auth).build(), auth, end)));
            assertThat(r.status()).isEqualTo(NtStatus.SUCCESS);
            c.signAll(true);
            c.treeConnect(server, "share");
            RawSmbClient.Response create = c.createFile("expiring.txt");
            RawSmbClient.expect(create, NtStatus.SUCCESS, "CREATE");
            FileId id = RawSmbClient.fileId(create);
            RawSmbClient.Response second = c.createFile("expiring-2.txt");
            RawSmbClient.expect(second, NtStatus.SUCCESS, "CREATE");
            RawSmbClient.expect(c.readRaw(id, 1, 0), NtStatus.END_OF_FILE, "READ before the end time");
            RawSmbClient.expect(c.lock(id, 0, 10, LOCK_EXCLUSIVE), NtStatus.SUCCESS, "LOCK before the end time");

            Thread.sleep(Math.max(0, Duration.between(Instant.now(), end).toMillis()) + 200);
            RawSmbClient.Response expired = c.readRaw(id, 1, 0);
            assertThat(expired.status()).isEqualTo(NtStatus.NETWORK_SESSION_EXPIRED);
            assertThat(c.signedBySession(expired)).as("an expired session still signs its answers").isTrue();
            RawSmbClient.expect(c.createFile("other.txt"), NtStatus.NETWORK_SESSION_EXPIRED, "CREATE after the end");
            RawSmbClient.expect(c.treeConnectPath("\\\\" + server.host() + "\\share"), NtStatus.NETWORK_SESSION_EXPIRED,
                    "TREE_CONNECT after the end");
            RawSmbClient.expect(c.lock(id, 20, 10, LOCK_EXCLUSIVE), NtStatus.NETWORK_SESSION_EXPIRED, "a new LOCK");
            // MS-SMB2 3.3.5.2.9: what a client holds it may still release
            RawSmbClient.expect(c.lock(id, 0, 10, LOCK_UNLOCK), NtStatus.SUCCESS, "UNLOCK after the end");
            RawSmbClient.expect(c.lock(id, 0, 10, LOCK_UNLOCK), NtStatus.RANGE_NOT_LOCKED, "a second UNLOCK");
            RawSmbClient.expect(c.close(RawSmbClient.fileId(second)), NtStatus.SUCCESS, "CLOSE after the end");
            RawSmbClient.expect(c.echo(), NtStatus.SUCCESS, "ECHO");

            RawSmbClient.Response again = c.sessionSetupKerberos(context(ticket(realm.pac(auth), auth, Duration.ofHours(1))));
            assertThat(again.status()).isEqualTo(NtStatus.SUCCESS);
            assertThat(c.signedBySession(again)).as("the re-authentication answer is signed with the first key").isTrue();
            RawSmbClient.expect(c.readRaw(id, 1, 0), NtStatus.END_OF_FILE, "READ after re-authentication");
            RawSmbClient.expect(c.close(id), NtStatus.SUCCESS, "CLOSE");
        }
    }

    @Test
    void reauthenticationTakesTheNewTicketsGroupsIntoTheKernel() throws Exception {
        Path project = Files.createDirectory(server.shareDir().resolve("project"));
        Files.setAttribute(project, "unix:gid", (int) (ID_BASE + 777));
        Files.setPosixFilePermissions(project, PosixFilePermissions.fromString("rwxrwx---"));
        Instant auth = Instant.now().minusSeconds(60).truncatedTo(ChronoUnit.SECONDS);
        try (RawSmbClient c = new RawSmbClient(server)) {
            c.negotiate();
            assertThat(c.sessionSetupKerberos(context(ticket(realm.pac(auth), auth, Duration.ofHours(1)))).status())
                    .isEqualTo(NtStatus.SUCCESS);
            c.signAll(true);
            c.treeConnect(server, "share");
            RawSmbClient.expect(c.createFile("project\\before.txt"), NtStatus.ACCESS_DENIED,
                    "CREATE in a folder of a group the user is not in");
            TestPacBuilder member = realm.pac(auth).groups(513, 1105, 777);
            assertThat(c.sessionSetupKerberos(context(ticket(member, auth, Duration.ofHours(1)))).status())
                    .isEqualTo(NtStatus.SUCCESS);
            RawSmbClient.Response create = c.createFile("project\\after.txt");
            RawSmbClient.expect(create, NtStatus.SUCCESS, "CREATE once the ticket names the group");
            c.close(RawSmbClient.fileId(create));
        }
    }

    @Test
    void aTamperedPacOrNoPacIsLogonFailure() throws Exception {
        Instant auth = Instant.now().minusSeconds(60).truncatedTo(ChronoUnit.SECONDS);
        List<InitiatorTicket> refused = List.of(
                ticket(realm.pac(auth).corruptServerChecksum(), auth, Duration.ofHours(1)),
                ticket(realm.pac(auth).clientInfoName("administrator"), auth, Duration.ofHours(1)),
                realm.ticket(null, auth, Instant.now().plus(Duration.ofHours(1))));
        for (InitiatorTicket t : refused) {
            try (RawSmbClient c = new RawSmbClient(server)) {
                c.negotiate();
                assertThat(c.sessionSetupKerberos(context(t)).status()).isEqualTo(NtStatus.LOGON_FAILURE);
            }
        }
    }

    @Test
    void theSameAuthenticatorTwiceIsAReplay() throws Exception {
        Instant auth = Instant.now().minusSeconds(60).truncatedTo(ChronoUnit.SECONDS);
        Krb5InitiatorContext krb = context(ticket(realm.pac(auth), auth, Duration.ofHours(1)));
        byte[] apReq = krb.initialToken();
        for (NtStatus expected : List.of(NtStatus.MORE_PROCESSING_REQUIRED, NtStatus.LOGON_FAILURE)) {
            try (RawSmbClient c = new RawSmbClient(server)) {
                c.negotiate();
                assertThat(c.sessionSetupFirstKerberosToken(apReq).status()).isEqualTo(expected);
            }
        }
    }
}
