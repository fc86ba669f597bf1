package org.bossa.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bossa.domain.GroupLookup;
import org.bossa.identity.CachingNameResolver;
import org.bossa.identity.HostGroups;
import org.bossa.identity.ScopedNameResolver;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code valid-users} at TREE_CONNECT through Samba's smbclient, with the local users alice (uid and
 * gid 20001) and bob (20002): user names, host groups resolved from a group file, SIDs, and a group
 * whose lookup fails, which refuses the connection (fail closed) unless another entry admits.
 */
class ValidUsersIT {
    private static TestServer server;
    private static TestServer failing;

    @TempDir
    static Path dir;

    @BeforeAll
    static void start() throws Exception {
        Smbclient.requireInstalled();
        Path groups = dir.resolve("group");
        Files.writeString(groups, "itstaff:x:20001:\n");
        server = TestServer.builder()
                .share("aliceonly", "alice")
                .share("staffonly", "+itstaff")
                .share("bobbysid", "S-1-22-1-20002")
                .share("ghosts", "+nosuchgroup", "@itstaff")
                .names(new CachingNameResolver(ScopedNameResolver.standalone(TestServer.NETBIOS, new HostGroups(groups))))
                .start();
        failing = TestServer.builder()
                .share("staffonly", "+itstaff", "bob")
                .names((domain, name) -> new GroupLookup.Failed("DC unreachable (injected)"))
                .start();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
        if (failing != null) {
            failing.close();
        }
    }

    private static Smbclient.Result ls(TestServer s, String share, String user, String password) {
        List<String> a = new ArrayList<>(Smbclient.base(s, "SMB3_11", user, password));
        a.addAll(List.of("//" + s.host() + "/" + share, "-c", "ls"));
        return Smbclient.run(a, Smbclient.DEFAULT_TIMEOUT);
    }

    private static Smbclient.Result alice(TestServer s, String share) {
        return ls(s, share, TestServer.ALICE, TestServer.ALICE_PASSWORD);
    }

    private static Smbclient.Result bob(TestServer s, String share) {
        return ls(s, share, TestServer.BOB, TestServer.BOB_PASSWORD);
    }

    @Test
    void aUserNameAdmitsThatLocalUserOnly() {
        assertThat(alice(server, "aliceonly").exitCode()).as("%s", alice(server, "aliceonly")).isZero();
        assertThat(bob(server, "aliceonly").output()).contains("NT_STATUS_ACCESS_DENIED");
    }

    @Test
    void aHostGroupAdmitsTheUsersWhoseGidItIs() {
        assertThat(alice(server, "staffonly").exitCode()).isZero();
        assertThat(bob(server, "staffonly").output()).contains("NT_STATUS_ACCESS_DENIED");
    }

    @Test
    void aSidAdmitsItsUser() {
        assertThat(bob(server, "bobbysid").exitCode()).isZero();
        assertThat(alice(server, "bobbysid").output()).contains("NT_STATUS_ACCESS_DENIED");
    }

    @Test
    void aGroupThatDoesNotExistIsSkipped() {
        // skipped, not failed closed: the next entry still admits alice
        assertThat(alice(server, "ghosts").exitCode()).isZero();
        assertThat(bob(server, "ghosts").output()).contains("NT_STATUS_ACCESS_DENIED");
    }

    @Test
    void aGroupThatCannotBeResolvedRefusesUnlessANameAdmits() {
        assertThat(alice(failing, "staffonly").output()).contains("NT_STATUS_ACCESS_DENIED");
        assertThat(bob(failing, "staffonly").exitCode()).isZero();
    }
}
