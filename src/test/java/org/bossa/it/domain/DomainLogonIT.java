package org.bossa.it.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
 * Domain users' NTLMv2 logons through the Netlogon secure channel, against the loopback DC: Bossa
 * joined with {@code bossa join} and serving with {@code bossa serve}, Samba's {@code smbclient}
 * logging on as the domain's users. The DC's verdicts reach the client as the DC gave them, and a
 * stopped DC gives NO_LOGON_SERVERS until it is back.
 */
@ExtendWith(LoopbackDc.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DomainLogonIT {
    private static MemberServer member;
    private static DcInfo dc;

    @BeforeAll
    static void joinAndServe(DcInfo info) throws Exception {
        dc = info;
        // named BOSSA at the fixture's host address, so bossa.REALM (in /etc/hosts) is this member
        // and a Kerberos-capable client finds the cifs/bossa.REALM principal the join registered
        String hostIp = System.getenv().getOrDefault("BOSSA_HOST_IP", "127.0.0.4");
        member = new MemberServer(dc, "BOSSA", hostIp);
        BossaCommand.Result join = member.join();
        assertThat(join.succeeded()).as("%s", join).isTrue();
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
    void aDomainUserRoundTripsAFileSignedAndWithEncryptionRequired() throws IOException {
        byte[] data = new byte[3 * 1024 * 1024 + 17];
        new Random(42).nextBytes(data);
        Path src = member.dir.resolve("upload.bin");
        Files.write(src, data);
        for (String protection : List.of("sign", "encrypt")) {
            Path back = member.dir.resolve("download-" + protection + ".bin");
            SmbResult r = smbclient(dc.netbiosDomain() + "\\alice", DcInfo.ALICE_PASSWORD, protection,
                    "put " + src + " " + protection + ".bin; get " + protection + ".bin " + back);
            assertThat(r.exit).as("%s", r).isZero();
            assertThat(Files.readAllBytes(back)).isEqualTo(data);
        }
        // the file belongs to alice's uid by the rid idmap: 10000 + her RID, group Domain Users 10513
        long rid = rid(dc.sambaToolOrFail("user", "show", "alice", "--attributes", "objectSid"));
        assertThat(Files.getAttribute(member.share.resolve("sign.bin"), "unix:uid")).isEqualTo((int) (10000 + rid));
        assertThat(Files.getAttribute(member.share.resolve("sign.bin"), "unix:gid")).isEqualTo(10513);
    }

    /**
     * A domain user's file calls run with its own uid in the kernel: a local user's 0700 folder is
     * closed to it, and a file it creates is its own without any chown by the server.
     */
    @Test
    @Order(1)
    void aDomainUserIsHeldToTheKernelsPermissions() throws IOException, InterruptedException {
        Path folder = Files.createDirectories(member.share.resolve("private"));
        Path notes = Files.writeString(folder.resolve("notes.txt"), "a local user's notes\n");
        for (Path p : List.of(notes, folder)) {
            Files.setAttribute(p, "unix:uid", 20002);
            Files.setAttribute(p, "unix:gid", 20002);
        }
        Files.setPosixFilePermissions(notes, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
        Files.setPosixFilePermissions(folder, java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
        SmbResult traverse = smbclient(dc.netbiosDomain() + "\\alice", DcInfo.ALICE_PASSWORD, "sign",
                "get private\\notes.txt /dev/stdout");
        assertThat(traverse.output()).as("%s", traverse).contains("NT_STATUS_ACCESS_DENIED").doesNotContain("a local user's notes");
        Path local = member.dir.resolve("mine.txt");
        Files.writeString(local, "alice's own\n");
        SmbResult put = smbclient(dc.netbiosDomain() + "\\alice", DcInfo.ALICE_PASSWORD, "sign", "mkdir mine; put " + local + " mine\\mine.txt");
        assertThat(put.exit).as("%s", put).isZero();
        long rid = rid(dc.sambaToolOrFail("user", "show", "alice", "--attributes", "objectSid"));
        for (Path p : List.of(member.share.resolve("mine"), member.share.resolve("mine/mine.txt"))) {
            assertThat(Files.getAttribute(p, "unix:uid")).as("%s", p).isEqualTo((int) (10000 + rid));
        }
    }

    @Test
    @Order(2)
    void aWrongPasswordIsLogonFailure() {
        SmbResult r = smbclient(dc.netbiosDomain() + "\\alice", "not-her-password", "sign", "ls");
        assertThat(r.output).contains("NT_STATUS_LOGON_FAILURE");
        SmbResult nobody = smbclient(dc.netbiosDomain() + "\\nosuchuser", "x", "sign", "ls");
        assertThat(nobody.output).contains("NT_STATUS_LOGON_FAILURE");
    }

    @Test
    @Order(3)
    void aDisabledAccountIsAccountDisabled() {
        dc.sambaToolOrFail("user", "disable", "bob");
        try {
            SmbResult r = smbclient(dc.netbiosDomain() + "\\bob", DcInfo.BOB_PASSWORD, "sign", "ls");
            assertThat(r.output).contains("NT_STATUS_ACCOUNT_DISABLED");
        } finally {
            dc.sambaToolOrFail("user", "enable", "bob");
        }
        assertThat(smbclient(dc.netbiosDomain() + "\\bob", DcInfo.BOB_PASSWORD, "sign", "ls").exit).isZero();
    }

    @Test
    @Order(4)
    void anExpiredPasswordIsPasswordExpired() {
        dc.expirePassword("carol");
        try {
            SmbResult r = smbclient(dc.netbiosDomain() + "\\carol", DcInfo.CAROL_PASSWORD, "sign", "ls");
            assertThat(r.output).contains("NT_STATUS_PASSWORD_EXPIRED");
        } finally {
            dc.renewPassword("carol", DcInfo.CAROL_PASSWORD);
        }
        assertThat(smbclient(dc.netbiosDomain() + "\\carol", DcInfo.CAROL_PASSWORD, "sign", "ls").exit).isZero();
    }

    @Test
    @Order(5)
    void localUsersStillLogOnBesideDomainUsers() {
        BossaCommand.Result add = BossaCommand.run(Duration.ofSeconds(30), "Local!Passw0rd", "user", "add", "localbob",
                "--password-stdin", "--state-dir", member.stateDir().toString());
        assertThat(add.succeeded()).as("%s", add).isTrue();
        SmbResult r = smbclient("BOSSA\\localbob", "Local!Passw0rd", "sign", "ls");
        assertThat(r.exit).as("%s", r).isZero();
    }

    @Test
    @Order(6)
    void aUserPrincipalNameLogsOnToo() {
        SmbResult r = smbclient("alice@" + dc.realm(), DcInfo.ALICE_PASSWORD, "sign", "ls");
        assertThat(r.exit).as("%s", r).isZero();
    }

    @Test
    @Order(6)
    void aClientOfferingKerberosFirstLogsOnWithKerberos() {
        // what a domain-joined Windows client does: an optimistic Kerberos token for cifs/bossa.REALM,
        // which the member accepts from its keytab (KerberosLogonIT covers Kerberos logons in depth)
        String host = "bossa." + dc.realm().toLowerCase(java.util.Locale.ROOT);
        List<String> cmd = List.of("smbclient", "//" + host + "/share", "-p", Integer.toString(member.port), "-m", "SMB3",
                "--use-kerberos=desired", "-d", "3", "-U", "alice@" + dc.realm() + "%" + DcInfo.ALICE_PASSWORD, "-c", "ls");
        ToolResult r = dc.run(cmd, null);
        assertThat(r.succeeded()).as("%s", r).isTrue();
        assertThat(r.output()).doesNotContain("server wants: ntlmssp");
        assertThat(member.log()).containsPattern("logon result=success mechanism=kerberos user=\"[^\"]*\\\\alice\"");
    }

    @Test
    @Order(6)
    void testjoinReportsTheSecureChannel() {
        BossaCommand.Result r = member.command("testjoin");
        assertThat(r.succeeded()).as("%s", r).isTrue();
        assertThat(r.out()).containsPattern("Secure channel\\s+ok\\s+" + Pattern.quote(dc.dcHost()))
                .contains("AES", "sealed", "capability check");
        BossaCommand.Result info = member.command("info");
        assertThat(info.out()).contains("Secure channel").contains(dc.dcHost());
    }

    @Test
    @Order(7)
    void aStoppedDcIsNoLogonServersAndLogonsComeBackWithIt() throws Exception {
        ToolResult stop = dc.run(List.of("bash", BossaCommand.BASE.resolve("scripts/interop/dc.sh").toString(), "stop"), null);
        assertThat(stop.succeeded()).as("%s", stop).isTrue();
        try {
            SmbResult r = smbclient(dc.netbiosDomain() + "\\alice", DcInfo.ALICE_PASSWORD, "sign", "ls");
            assertThat(r.output).contains("NT_STATUS_NO_LOGON_SERVERS");
        } finally {
            ToolResult start = dc.run(List.of("bash", BossaCommand.BASE.resolve("scripts/interop/dc.sh").toString(), "start"), null);
            assertThat(start.succeeded()).as("%s", start).isTrue();
        }
        // back within 10 s of the DC's return, without restarting Bossa
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        SmbResult last;
        do {
            last = smbclient(dc.netbiosDomain() + "\\alice", DcInfo.ALICE_PASSWORD, "sign", "ls");
            if (last.exit == 0) {
                break;
            }
            Thread.sleep(250);
        } while (System.nanoTime() < deadline);
        assertThat(last.exit).as("logons back within 10 s of the DC's return: %s", last).isZero();
    }

    private static long rid(String sambaShow) {
        Matcher m = Pattern.compile("objectSid: S-1-5-21-\\d+-\\d+-\\d+-(\\d+)").matcher(sambaShow);
        assertThat(m.find()).as(sambaShow).isTrue();
        return Long.parseLong(m.group(1));
    }

    private record SmbResult(int exit, String output) {
    }

    /** smbclient against the member, SMB3, with {@code --client-protection}. */
    private static SmbResult smbclient(String user, String password, String protection, String commands) {
        List<String> cmd = new ArrayList<>(List.of("smbclient", "//" + member.bindAddress + "/share", "-p", Integer.toString(member.port),
                "-m", "SMB3", "--client-protection=" + protection, "-U", user + "%" + password, "-c", commands));
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            p.getInputStream().transferTo(out);
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
            return new SmbResult(p.exitValue(), out.toString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
