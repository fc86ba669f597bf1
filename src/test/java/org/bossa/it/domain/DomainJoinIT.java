package org.bossa.it.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bossa.it.dc.DcInfo;
import org.bossa.it.dc.LoopbackDc;
import org.bossa.it.dc.ToolResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code bossa join / testjoin / info / changetrustpw / leave} against the loopback Samba AD DC,
 * checked with the DC's own tools ({@code samba-tool computer show}) and MIT Kerberos
 * ({@code kinit -k}, {@code klist -k -e}). Failures must be one line, a non-zero exit, finished
 * before a 10-second deadline, and leave nothing behind in the directory or on disk.
 */
@ExtendWith(LoopbackDc.class)
class DomainJoinIT {
    private static final Duration DEADLINE = Duration.ofSeconds(10);
    private static final Duration JOIN_DEADLINE = Duration.ofSeconds(60);

    @Test
    void joinTestjoinInfoChangetrustpwLeave(DcInfo dc) throws IOException {
        Member m = new Member(dc, "BOSSAJ1");
        BossaCommand.Result join = m.join();
        assertThat(join.succeeded()).as("%s", join).isTrue();
        assertThat(join.out()).contains("Joined BOSSAJ1$ to " + dc.realm());

        ToolResult show = dc.runSambaTool("computer", "show", "BOSSAJ1", "--attributes",
                "sAMAccountName,userAccountControl,dNSHostName,servicePrincipalName,msDS-SupportedEncryptionTypes,"
                        + "operatingSystem,msDS-KeyVersionNumber");
        assertThat(show.succeeded()).as("%s", show).isTrue();
        String fqdn = "bossaj1." + dc.realm().toLowerCase(Locale.ROOT);
        assertThat(show.output()).contains("sAMAccountName: BOSSAJ1$", "userAccountControl: 4096",
                "dNSHostName: " + fqdn, "msDS-SupportedEncryptionTypes: 24", "operatingSystem: Bossa",
                "servicePrincipalName: HOST/BOSSAJ1", "servicePrincipalName: HOST/" + fqdn,
                "servicePrincipalName: RestrictedKrbHost/BOSSAJ1", "servicePrincipalName: RestrictedKrbHost/" + fqdn,
                "servicePrincipalName: cifs/BOSSAJ1", "servicePrincipalName: cifs/" + fqdn);
        int kvno = kvno(show.output());

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(m.keytab()))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(m.stateDir.resolve("bossa.db"))))
                .isEqualTo("rw-------");
        assertThat(m.kinitWithKeytab().succeeded()).as("kinit -k").isTrue();
        String keys = m.klist();
        assertThat(keys).containsPattern("(?m)^\\s*" + kvno + " .*BOSSAJ1\\$@" + dc.realm() + " \\(aes256-cts-hmac-sha1-96\\)")
                .containsPattern("(?m)^\\s*" + kvno + " .*BOSSAJ1\\$@" + dc.realm() + " \\(aes128-cts-hmac-sha1-96\\)")
                .containsPattern("(?m)^\\s*" + kvno + " .*cifs/" + Pattern.quote(fqdn) + "@" + dc.realm()
                        + " \\(aes256-cts-hmac-sha1-96\\)")
                .doesNotContain("arcfour");

        BossaCommand.Result test = m.bossa(null, "testjoin");
        assertThat(test.succeeded()).as("%s", test).isTrue();
        assertThat(test.out()).contains("Join is OK");
        BossaCommand.Result info = m.bossa(null, "info");
        assertThat(info.succeeded()).as("%s", info).isTrue();
        assertThat(info.out()).contains(dc.realm(), dc.netbiosDomain(), "S-1-5-21-", dc.dcHost(),
                "Key version:   " + kvno, "aes256-cts-hmac-sha1-96");

        BossaCommand.Result change = m.bossa(null, "changetrustpw");
        assertThat(change.succeeded()).as("%s", change).isTrue();
        int newKvno = kvno(dc.runSambaTool("computer", "show", "BOSSAJ1", "--attributes", "msDS-KeyVersionNumber").output());
        assertThat(newKvno).isGreaterThan(kvno);
        assertThat(m.kinitWithKeytab().succeeded()).as("kinit -k after changetrustpw").isTrue();
        String after = m.klist();
        assertThat(after).containsPattern("(?m)^\\s*" + newKvno + " .*BOSSAJ1\\$@.*aes256")
                .containsPattern("(?m)^\\s*" + kvno + " .*BOSSAJ1\\$@.*aes256");
        assertThat(m.bossa(null, "testjoin").succeeded()).isTrue();

        BossaCommand.Result leave = m.leave();
        assertThat(leave.succeeded()).as("%s", leave).isTrue();
        m.assertNothingLeft();
    }

    @Test
    void wrongAdministratorPasswordIsNamedAndLeavesNothing(DcInfo dc) throws IOException {
        Member m = new Member(dc, "BOSSAJ2");
        BossaCommand.Result r = m.bossa("not-the-password", DEADLINE, m.joinArgs());
        assertOneLineFailure(r, "wrong password");
        m.assertNothingLeft();
    }

    @Test
    void stoppedDcIsNamedAndLeavesNothing(DcInfo dc) throws IOException {
        // 127.0.0.9 carries no DC: what a join sees when the DC it is told to use is down
        Member m = new Member(dc, "BOSSAJ3");
        BossaCommand.Result r = m.bossa(dc.adminPassword(), DEADLINE, m.joinArgs("--controllers", "127.0.0.9"));
        assertOneLineFailure(r, "127.0.0.9");
        m.assertNothingLeft();
    }

    @Test
    void existingAccountNeedsForceThenIsTakenOver(DcInfo dc) throws IOException {
        Member m = new Member(dc, "BOSSAJ4");
        ToolResult made = dc.runSambaTool("computer", "create", "BOSSAJ4");
        assertThat(made.succeeded()).as("%s", made).isTrue();
        try {
            BossaCommand.Result r = m.bossa(dc.adminPassword(), DEADLINE, m.joinArgs());
            assertOneLineFailure(r, "already exists");
            assertThat(r.err()).contains("--force");
            assertThat(m.keytab()).doesNotExist();
            assertThat(m.bossa(null, "info").exitCode()).isEqualTo(1);

            BossaCommand.Result taken = m.bossa(dc.adminPassword(), JOIN_DEADLINE, m.joinArgs("--force"));
            assertThat(taken.succeeded()).as("%s", taken).isTrue();
            assertThat(taken.out()).contains("taking over");
            assertThat(m.kinitWithKeytab().succeeded()).isTrue();
        } finally {
            BossaCommand.Result leave = m.leave();
            assertThat(leave.succeeded()).as("%s", leave).isTrue();
        }
        m.assertNothingLeft();
    }

    @Test
    void lockedOuIsRefusedAndLeavesNothing(DcInfo dc) throws IOException {
        Member m = new Member(dc, "BOSSAJ5");
        BossaCommand.Result r = m.bossa(dc.adminPassword(), DEADLINE, m.joinArgs("--ou", dc.lockedOu()));
        assertOneLineFailure(r, "no right to create");
        assertThat(r.err()).contains("OU=Locked");
        m.assertNothingLeft();
    }

    @Test
    void aJoinThatFailsAfterCreatingTheAccountRemovesIt(DcInfo dc) throws IOException {
        // the keytab cannot be written (no such directory under /proc): the failure comes after the
        // computer object was created and its password proven, so the join must delete the object
        Member m = new Member(dc, "BOSSAJ7");
        BossaCommand.Result r = m.bossa(dc.adminPassword(), DEADLINE,
                m.joinArgs("--keytab", "/proc/bossa-no-such-dir/krb5.keytab"));
        assertOneLineFailure(r, "cannot write the keytab");
        m.assertNothingLeft();
    }

    @Test
    void joinIntoAnOuOverLdapsThenLeaveKeepingTheAccountDisabled(DcInfo dc) throws IOException {
        Member m = new Member(dc, "BOSSAJ6");
        BossaCommand.Result r = m.bossa(dc.adminPassword(), JOIN_DEADLINE,
                m.joinArgs("--ou", "OU=Members", "--ldap", "ldaps", "--ldap-ca-file", dc.caCert().toString()));
        assertThat(r.succeeded()).as("%s", r).isTrue();
        assertThat(r.out()).contains("CN=BOSSAJ6," + dc.membersOu());
        assertThat(m.kinitWithKeytab().succeeded()).isTrue();
        try {
            BossaCommand.Result leave = m.leave("--keep-account");
            assertThat(leave.succeeded()).as("%s", leave).isTrue();
            ToolResult show = dc.runSambaTool("computer", "show", "BOSSAJ6", "--attributes", "userAccountControl");
            assertThat(show.output()).contains("userAccountControl: 4098");
            assertThat(m.keytab()).doesNotExist();
        } finally {
            dc.runSambaTool("computer", "delete", "BOSSAJ6");
        }
    }

    private static void assertOneLineFailure(BossaCommand.Result r, String cause) {
        assertThat(r.timedOut()).as("exited before the deadline: %s", r).isFalse();
        assertThat(r.exitCode()).as("%s", r).isNotZero();
        assertThat(r.err().strip()).as("%s", r).doesNotContain("\n").contains(cause).startsWith("bossa join: ");
        assertThat(r.err()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    private static int kvno(String samba) {
        Matcher k = Pattern.compile("msDS-KeyVersionNumber: (\\d+)").matcher(samba);
        assertThat(k.find()).as("kvno in %s", samba).isTrue();
        return Integer.parseInt(k.group(1));
    }

    /** One would-be member: its name, state directory and the commands run for it. */
    private static final class Member {
        final DcInfo dc;
        final String name;
        final Path stateDir;

        Member(DcInfo dc, String name) throws IOException {
            this.dc = dc;
            this.name = name;
            this.stateDir = BossaCommand.BASE.resolve("target/it-domain/" + name);
            if (Files.exists(stateDir)) {
                try (var files = Files.walk(stateDir)) {
                    files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
        }

        Path keytab() {
            return stateDir.resolve("krb5.keytab");
        }

        /** The arguments of a join of this member as the administrator, then {@code extra}. */
        String[] joinArgs(String... extra) {
            List<String> args = new ArrayList<>(List.of("join", "--realm", dc.realm(), "--netbios-name", name,
                    "--dns-servers", dc.dcIp(), "-U", dc.adminUser(), "--password-stdin", "--state-dir",
                    stateDir.toString()));
            args.addAll(List.of(extra));
            return args.toArray(String[]::new);
        }

        BossaCommand.Result join() {
            return bossa(dc.adminPassword(), JOIN_DEADLINE, joinArgs());
        }

        /** A leave as the administrator, with {@code extra} options. */
        BossaCommand.Result leave(String... extra) {
            List<String> args = new ArrayList<>(List.of("leave", "-U", dc.adminUser(), "--password-stdin",
                    "--state-dir", stateDir.toString()));
            args.addAll(List.of(extra));
            return bossa(dc.adminPassword(), JOIN_DEADLINE, args.toArray(String[]::new));
        }

        BossaCommand.Result bossa(String stdin, String command) {
            return bossa(stdin, JOIN_DEADLINE, command, "--state-dir", stateDir.toString());
        }

        BossaCommand.Result bossa(String stdin, Duration deadline, String... args) {
            return BossaCommand.run(deadline, stdin, args);
        }

        ToolResult kinitWithKeytab() {
            return dc.run(List.of("kinit", "-k", "-t", keytab().toString(), "-c", "MEMORY:", name + "$@" + dc.realm()),
                    null);
        }

        String klist() {
            ToolResult r = dc.run(List.of("klist", "-k", "-e", keytab().toString()), null);
            assertThat(r.succeeded()).as("%s", r).isTrue();
            return r.output();
        }

        /** No computer object, no keytab, no stored membership. */
        void assertNothingLeft() {
            ToolResult show = dc.runSambaTool("computer", "show", name);
            assertThat(show.succeeded()).as("computer object %s must not exist: %s", name, show).isFalse();
            assertThat(keytab()).doesNotExist();
            BossaCommand.Result info = bossa(null, "info");
            assertThat(info.exitCode()).as("%s", info).isEqualTo(1);
            assertThat(info.err()).contains("not joined");
        }
    }
}
