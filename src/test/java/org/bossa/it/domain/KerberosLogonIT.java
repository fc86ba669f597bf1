package org.bossa.it.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.bossa.it.dc.DcInfo;
import org.bossa.it.dc.LoopbackDc;
import org.bossa.it.dc.ToolResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Kerberos logons to a joined member, against the loopback DC: Bossa joined as BOSSA with
 * {@code bossa join} (which registers host/ and cifs/ SPNs and writes the keytab) and serving at
 * {@code bossa.REALM}; Samba's {@code smbclient} and MIT's {@code kinit}/{@code kvno} as clients.
 * The member accepts the AP-REQ from its keytab, without asking the DC, and writes one
 * {@code bossa.audit} line per logon attempt, and a session ends when its ticket ends.
 *
 * <p>Clock skew and replayed authenticators are not tested here: a real DC cannot be made to issue
 * them on demand, so the acceptor's unit tests cover them with tickets they build themselves.
 */
@ExtendWith(LoopbackDc.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class KerberosLogonIT {
    private static final String GROUP = "KrbItGroup";
    private static final String ALIAS = "alias";
    /** The shortest ticket worth waiting for: smbclient's first request must come well before its end. */
    private static final int TICKET_SECONDS = 5;
    private static MemberServer member;
    private static DcInfo dc;
    private static String aliceSid;

    @BeforeAll
    static void joinAndServe(DcInfo info) throws Exception {
        dc = info;
        aliceSid = KerberosFixture.sid(dc, "alice");
        // leftovers of an interrupted run would change alice's groups or the SPNs of the test
        dc.runSambaTool("group", "delete", GROUP);
        member = KerberosFixture.joinedMember(dc);
        member.start();
    }

    @AfterAll
    static void stopAndLeave() throws Exception {
        if (member != null) {
            member.close();
            member.leave();
        }
    }

    @Test
    @Order(1)
    void aliceRoundTripsAFileOverKerberosSignedAndEncrypted() throws Exception {
        byte[] data = new byte[1024 * 1024 + 17];
        new Random(9).nextBytes(data);
        Path src = Files.write(member.dir.resolve("krb-upload.bin"), data);
        for (String protection : List.of("sign", "encrypt")) {
            Path back = member.dir.resolve("krb-download-" + protection + ".bin");
            int mark = member.logMark();
            ToolResult r = smbclient(withPassword("alice", DcInfo.ALICE_PASSWORD), "--client-protection=" + protection,
                    "put " + src + " krb-" + protection + ".bin; get krb-" + protection + ".bin " + back);
            assertThat(r.succeeded()).as("%s", r).isTrue();
            assertThat(Files.readAllBytes(back)).isEqualTo(data);

            AuditLine a = KerberosFixture.onlyAudit(member, mark, "kerberos");
            assertThat(a.keys()).as("%s", a).isEqualTo(KerberosFixture.SUCCESS_KEYS);
            assertThat(a.get("result")).as("%s", a).isEqualTo("success");
            assertThat(a.get("user")).as("%s", a).isEqualTo(dc.netbiosDomain() + "\\alice");
            assertThat(a.get("sid")).as("%s", a).isEqualTo(aliceSid);
            assertThat(a.groups()).as("%s", a).isPositive();
            assertThat(a.get("client")).as("%s", a).matches("\\d+\\.\\d+\\.\\d+\\.\\d+");
            assertThat(a.get("reason")).as("%s", a).isEmpty();
            assertThat(AuditLine.of(member.logSince(mark), "ntlm")).as("no NTLM logon on the way").isEmpty();
        }
    }

    @Test
    @Order(2)
    void aTicketFromMitKinitInAPrivateCcacheLogsOn() throws Exception {
        Path ccache = member.dir.resolve("ccache-kinit");
        Files.deleteIfExists(ccache);
        kinit(ccache, "alice", DcInfo.ALICE_PASSWORD);
        int mark = member.logMark();
        ToolResult r = smbclient(withCcache(ccache), "--client-protection=sign", "ls");
        assertThat(r.succeeded()).as("%s", r).isTrue();
        AuditLine a = KerberosFixture.onlyAudit(member, mark, "kerberos");
        assertThat(a.succeeded()).as("%s", a).isTrue();
        assertThat(a.get("sid")).as("%s", a).isEqualTo(aliceSid);
        // the client asked the DC for the service ticket with the TGT from kinit and cached it there
        ToolResult klist = dc.run(List.of("klist", "-c", "FILE:" + ccache), null);
        assertThat(klist.output()).as("%s", klist).contains("cifs/" + KerberosFixture.host(dc) + "@" + dc.realm());
    }

    @Test
    @Order(3)
    void aGroupAddedAtTheDcCountsAtTheNextLogon() throws Exception {
        int before = kerberosLogonGroups();
        dc.sambaToolOrFail("group", "add", GROUP);
        try {
            dc.sambaToolOrFail("group", "addmembers", GROUP, "alice");
            // a password logon is a fresh AS exchange, so the PAC in the new ticket has the group
            assertThat(kerberosLogonGroups()).isEqualTo(before + 1);
        } finally {
            dc.sambaToolOrFail("group", "delete", GROUP);
        }
        assertThat(kerberosLogonGroups()).isEqualTo(before);
    }

    @Test
    @Order(4)
    void aTicketForAnSpnMissingFromTheKeytabIsRefused() throws Exception {
        // an SPN of the account added after the join: the DC issues tickets for it in the account's
        // key, but the keytab the join wrote does not name it
        String spn = "cifs/" + ALIAS + "." + dc.realm().toLowerCase(java.util.Locale.ROOT);
        dc.sambaToolOrFail("spn", "add", spn, KerberosFixture.NAME + "$");
        try {
            int mark = member.logMark();
            // -I: the alias is in no hosts file; the client takes the SPN from the name in the UNC
            List<String> cmd = new ArrayList<>(List.of("env", "KRB5CCNAME=" + privateCcache("alias"), "smbclient",
                    "//" + ALIAS + "." + dc.realm().toLowerCase(java.util.Locale.ROOT) + "/share", "-I", member.bindAddress,
                    "-p", Integer.toString(member.port), "-m", "SMB3", "--use-kerberos=required",
                    "-U", "alice@" + dc.realm() + "%" + DcInfo.ALICE_PASSWORD, "-c", "ls"));
            ToolResult r = dc.run(cmd, null);
            assertThat(r.succeeded()).as("%s", r).isFalse();
            AuditLine a = KerberosFixture.onlyAudit(member, mark, "kerberos");
            assertThat(a.keys()).as("%s", a).isEqualTo(KerberosFixture.FAILURE_KEYS);
            assertThat(a.get("result")).as("%s", a).isEqualTo("failure");
            assertThat(a.get("user")).as("%s", a).isEmpty();
            assertThat(a.get("sid")).as("%s", a).isEqualTo("-");
            assertThat(a.groups()).as("%s", a).isZero();
            assertThat(a.get("status")).as("%s", a).isEqualTo("NT_STATUS_LOGON_FAILURE");
            assertThat(a.get("reason")).as("%s", a).contains(spn);
            assertThat(r.output()).as("the client sees the status the audit line gives").contains(a.get("status"));
        } finally {
            dc.sambaToolOrFail("spn", "delete", spn, KerberosFixture.NAME + "$");
        }
    }

    @Test
    @Order(5)
    void aSessionEndsWhenItsTicketEnds() throws Exception {
        // The ticket comes straight from an AS exchange for the service (kinit -S): this DC refuses
        // TGS requests made with a TGT of a few seconds ("Ticket expired"), but issues a short
        // service ticket this way. The end time is whole seconds from the KDC's clock (this host's).
        Path ccache = member.dir.resolve("ccache-short");
        Files.deleteIfExists(ccache);
        long issued = System.currentTimeMillis();
        ToolResult kinit = dc.run(List.of("kinit", "-S", "cifs/" + KerberosFixture.host(dc), "-l", TICKET_SECONDS + "s",
                "-c", "FILE:" + ccache, "alice@" + dc.realm()), DcInfo.ALICE_PASSWORD + "\n");
        assertThat(kinit.succeeded()).as("%s", kinit).isTrue();
        List<String> cmd = new ArrayList<>(List.of("smbclient", "//" + KerberosFixture.host(dc) + "/share", "-p",
                Integer.toString(member.port), "-m", "SMB3", "--client-protection=sign"));
        cmd.addAll(withCcache(ccache));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().put("KRB5_CONFIG", dc.krb5Conf().toString());
        pb.environment().put("KRB5CCNAME", "FILE:" + ccache);
        Process p = pb.start();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Thread pump = Thread.ofVirtual().start(() -> {
            try (InputStream in = p.getInputStream()) {
                in.transferTo(out);
            } catch (IOException e) {
                // smbclient went away; what it printed is in out
            }
        });
        // commands on standard input: one listing now, one after the ticket's end
        try (Writer commands = new OutputStreamWriter(p.getOutputStream(), StandardCharsets.UTF_8)) {
            commands.write("ls\n");
            commands.flush();
            Thread.sleep(Math.max(0, issued + (TICKET_SECONDS + 1) * 1000L - System.currentTimeMillis()));
            commands.write("ls\nexit\n");
        } catch (IOException gone) {
            // smbclient exited early; what it printed says why
        }
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly();
        }
        pump.join(Duration.ofSeconds(5));
        String output = out.toString(StandardCharsets.UTF_8);
        assertThat(output).as("the listing before the end, then EXPIRED:\n%s", output)
                .containsPattern("(?s)blocks available.*NT_STATUS_NETWORK_SESSION_EXPIRED listing");
    }

    @Test
    @Order(6)
    void aTicketFromBeforeChangetrustpwStillLogsOnAndSoDoesANewOne() throws Exception {
        Path ccache = member.dir.resolve("ccache-before-change");
        Files.deleteIfExists(ccache);
        kinit(ccache, "alice", DcInfo.ALICE_PASSWORD);
        String spn = "cifs/" + KerberosFixture.host(dc);
        ToolResult kvno = dc.run(List.of("kvno", "-c", "FILE:" + ccache, spn), null);
        assertThat(kvno.succeeded()).as("%s", kvno).isTrue();
        int before = dc.computerKvno(KerberosFixture.NAME);

        BossaCommand.Result change = member.command("changetrustpw");
        assertThat(change.succeeded()).as("%s", change).isTrue();
        assertThat(dc.computerKvno(KerberosFixture.NAME)).isGreaterThan(before);

        // the service ticket in the ccache is still valid, so the client sends it as it is: it is
        // encrypted in the previous key, which the rewritten keytab keeps
        int mark = member.logMark();
        ToolResult old = smbclient(withCcache(ccache), "--client-protection=sign", "ls");
        assertThat(old.succeeded()).as("ticket of kvno %d after changetrustpw: %s", before, old).isTrue();
        assertThat(KerberosFixture.onlyAudit(member, mark, "kerberos").succeeded()).isTrue();

        // a ticket issued now is in the new key, which the running server must find in the keytab
        mark = member.logMark();
        ToolResult fresh = smbclient(withPassword("alice", DcInfo.ALICE_PASSWORD), "--client-protection=sign", "ls");
        assertThat(fresh.succeeded()).as("ticket of the new kvno: %s\nlog:\n%s", fresh, member.logSince(mark)).isTrue();
    }

    @Test
    @Order(7)
    void withNtlmOffOnlyKerberosLogsOn() throws Exception {
        int mark = member.logMark();
        ToolResult ntlm = smbclient(List.of("--use-kerberos=disabled", "-U", dc.netbiosDomain() + "\\alice%" + DcInfo.ALICE_PASSWORD),
                "--client-protection=sign", "ls");
        assertThat(ntlm.succeeded()).as("NTLM with NTLM on: %s", ntlm).isTrue();
        AuditLine n = KerberosFixture.onlyAudit(member, mark, "ntlm");
        assertThat(n.keys()).as("%s", n).isEqualTo(KerberosFixture.SUCCESS_KEYS);
        assertThat(n.get("sid")).as("%s", n).isEqualTo(aliceSid);

        // a restart is a JVM start (several seconds): this test comes last and restarts once
        member.environment("BOSSA_AUTH_NTLM", "false").restart();
        try {
            mark = member.logMark();
            ToolResult refused = smbclient(List.of("--use-kerberos=disabled", "-U", dc.netbiosDomain() + "\\alice%" + DcInfo.ALICE_PASSWORD),
                    "--client-protection=sign", "ls");
            assertThat(refused.succeeded()).as("NTLM with NTLM off: %s", refused).isFalse();
            assertThat(refused.output()).as("%s", refused).contains("NT_STATUS_");
            // the refused attempt has its audit line, a failure (the server picked no mechanism)
            List<AuditLine> lines = KerberosFixture.audit(member, mark, null, 1);
            assertThat(lines).as("audit lines of the refused attempt").singleElement()
                    .satisfies(a -> assertThat(a.keys()).as("%s", a).isEqualTo(KerberosFixture.FAILURE_KEYS))
                    .satisfies(a -> assertThat(a.succeeded()).as("%s", a).isFalse());

            ToolResult krb = smbclient(withPassword("alice", DcInfo.ALICE_PASSWORD), "--client-protection=sign", "ls");
            assertThat(krb.succeeded()).as("Kerberos with NTLM off: %s", krb).isTrue();
            assertThat(KerberosFixture.audit(member, mark, "kerberos", 1)).anyMatch(AuditLine::succeeded);
        } finally {
            // the last test: the member is stopped after it, so it is not started again with NTLM on
            member.environment("BOSSA_AUTH_NTLM", null);
        }
    }

    /** The groups count of the audit line of one Kerberos password logon of alice. */
    private static int kerberosLogonGroups() throws Exception {
        int mark = member.logMark();
        ToolResult r = smbclient(withPassword("alice", DcInfo.ALICE_PASSWORD), "--client-protection=sign", "ls");
        assertThat(r.succeeded()).as("%s", r).isTrue();
        AuditLine a = KerberosFixture.onlyAudit(member, mark, "kerberos");
        assertThat(a.succeeded()).as("%s", a).isTrue();
        return a.groups();
    }

    /** Client options: Kerberos only, the ticket got with {@code user}'s password (a fresh AS exchange). */
    private static List<String> withPassword(String user, String password) {
        return List.of("--use-kerberos=required", "-U", user + "@" + dc.realm() + "%" + password);
    }

    /**
     * Client options: Kerberos only, from the credentials in {@code ccache}. smbclient 4.17 takes
     * the cache for its Kerberos logon from KRB5CCNAME and ignores {@code --use-krb5-ccache} there
     * (it then reads the default cache); both are given, the environment variable by
     * {@link #smbclient}.
     */
    private static List<String> withCcache(Path ccache) {
        return List.of("--use-kerberos=required", "--use-krb5-ccache=FILE:" + ccache);
    }

    /**
     * smbclient against the member by its DNS name, SMB3, with the DC's krb5.conf and a credential
     * cache of this test's own (never the host's default cache): the one named by a
     * {@code --use-krb5-ccache=} option, else a fresh file.
     */
    private static ToolResult smbclient(List<String> credentials, String protection, String commands) throws IOException {
        String ccache = credentials.stream().filter(o -> o.startsWith("--use-krb5-ccache=")).findFirst()
                .map(o -> o.substring("--use-krb5-ccache=".length())).orElse(privateCcache("password"));
        List<String> cmd = new ArrayList<>(List.of("env", "KRB5CCNAME=" + ccache, "smbclient",
                "//" + KerberosFixture.host(dc) + "/share", "-p", Integer.toString(member.port), "-m", "SMB3", protection));
        cmd.addAll(credentials);
        cmd.addAll(List.of("-c", commands));
        return dc.run(cmd, null);
    }

    /** A credential cache no other logon has used: {@code FILE:} a path in the member's dir. */
    private static String privateCcache(String purpose) throws IOException {
        Path p = member.dir.resolve("ccache-" + purpose);
        Files.deleteIfExists(p);
        return "FILE:" + p;
    }

    /** MIT kinit of {@code user@REALM} into {@code ccache}, the password on standard input. */
    private static void kinit(Path ccache, String user, String password) {
        ToolResult r = dc.run(List.of("kinit", "-c", "FILE:" + ccache, user + "@" + dc.realm()), password + "\n");
        assertThat(r.succeeded()).as("%s", r).isTrue();
    }
}
