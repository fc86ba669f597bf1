package org.bossa.it.dc;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Proves the {@link LoopbackDc} fixture: the DC answers, holds the test data, and OU=Locked refuses. */
@ExtendWith(LoopbackDc.class)
class LoopbackDcIT {

    @Test
    void theRealmAnswersCldapAndKerberosForTheAdministrator(DcInfo dc) {
        // samba-tool domain info: a CLDAP netlogon ping to the DC's address
        ToolResult info = dc.run(List.of(Tools.require("samba-tool", "samba-ad-provision").toString(), "domain",
                "info", dc.dcIp()), null);
        assertThat(info.succeeded()).as("%s", info).isTrue();
        assertThat(info.output()).containsPattern("(?m)^Domain\\s+: " + Pattern.quote(dc.realm().toLowerCase(Locale.ROOT)) + "$")
                .containsPattern("(?m)^Netbios domain\\s+: " + Pattern.quote(dc.netbiosDomain()) + "$")
                .containsPattern("(?m)^DC name\\s+: " + Pattern.quote(dc.dcHost()) + "$");
        ToolResult kinit = dc.kinit(dc.adminUser() + "@" + dc.realm(), dc.adminPassword());
        assertThat(kinit.succeeded()).as("%s", kinit).isTrue();
        assertThat(dc.krb5Conf()).isRegularFile();
        assertThat(Files.isRegularFile(dc.caCert())).as("CA %s", dc.caCert()).isTrue();
    }

    @Test
    void theTestUsersAndGroupExist(DcInfo dc) {
        ToolResult users = dc.runSambaTool("user", "list");
        assertThat(users.succeeded()).as("%s", users).isTrue();
        assertThat(users.output().lines().map(String::strip).toList()).contains("alice", "bob", "carol", "joiner");
        ToolResult members = dc.runSambaTool("group", "listmembers", "Engineers");
        assertThat(members.succeeded()).as("%s", members).isTrue();
        assertThat(members.output().lines().map(String::strip).toList()).containsExactlyInAnyOrder("alice", "bob");
    }

    @Test
    void mitKinitWorksForAliceAndRejectsAWrongPassword(DcInfo dc) {
        ToolResult good = dc.kinit("alice@" + dc.realm(), DcInfo.ALICE_PASSWORD);
        assertThat(good.succeeded()).as("%s", good).isTrue();
        ToolResult bad = dc.kinit("alice@" + dc.realm(), "not-" + DcInfo.ALICE_PASSWORD);
        assertThat(bad.succeeded()).as("%s", bad).isFalse();
        assertThat(bad.output()).contains("Password incorrect");
    }

    @Test
    void lockedOuRefusesComputerCreationEvenForTheAdministratorWhileMembersAllowsIt(DcInfo dc) {
        String name = "LDCITLOCK";
        ToolResult locked = dc.runSambaTool("computer", "create", name, "--computerou=" + dc.lockedOu());
        assertThat(locked.succeeded()).as("%s", locked).isFalse();
        assertThat(locked.output()).contains("INSUFFICIENT_ACCESS_RIGHTS");
        assertThat(dc.runSambaTool("computer", "show", name).succeeded()).isFalse();

        ToolResult members = dc.runSambaTool("computer", "create", name, "--computerou=" + dc.membersOu());
        try {
            assertThat(members.succeeded()).as("%s", members).isTrue();
            ToolResult show = dc.runSambaTool("computer", "show", name, "--attributes=distinguishedName");
            assertThat(show.output()).contains("CN=" + name + "," + dc.membersOu());
        } finally {
            if (members.succeeded()) {
                ToolResult delete = dc.runSambaTool("computer", "delete", name);
                assertThat(delete.succeeded()).as("%s", delete).isTrue();
            }
        }
    }

    @Test
    void theDcWasStartedAtMostOnceInThisJvm() {
        assertThat(LoopbackDc.starts()).isLessThanOrEqualTo(1);
    }
}
