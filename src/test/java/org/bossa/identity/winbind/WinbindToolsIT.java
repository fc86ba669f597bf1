package org.bossa.identity.winbind;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Samba's own clients against {@link WinbindServer}: wbinfo (libwbclient) and getent through
 * libnss_winbind. Both find the socket only at their compiled-in /run/samba/winbindd unless
 * {@code nss_wrapper_enabled()} is true, then at SELFTEST_WINBINDD_SOCKET_DIR (nsswitch/wb_common.c);
 * a one-line preloaded library provides that symbol. The socket directory must be owned by root
 * (wb_common.c checks), so the test needs root, wbinfo, getent, libnss_winbind and a C compiler.
 */
class WinbindToolsIT {
    @TempDir
    static Path tmp;
    static WinbindServer server;
    static FakeIdentityService ids = new FakeIdentityService();
    static Path shim;

    record Result(int exit, String out) {
    }

    @BeforeAll
    static void start() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/wbinfo")), "wbinfo not installed");
        assumeTrue(Files.exists(Path.of("/usr/lib/x86_64-linux-gnu/libnss_winbind.so.2")), "libnss_winbind not installed");
        assumeTrue("root".equals(System.getProperty("user.name")), "the socket directory must be root's");
        Path src = tmp.resolve("shim.c");
        Files.writeString(src, "#include <stdbool.h>\nbool nss_wrapper_enabled(void) { return true; }\n");
        shim = tmp.resolve("libwbshim.so");
        Process cc = new ProcessBuilder("cc", "-shared", "-fPIC", "-o", shim.toString(), src.toString())
                .redirectErrorStream(true).start();
        assumeTrue(cc.waitFor(60, TimeUnit.SECONDS) && cc.exitValue() == 0, "no C compiler for the nss_wrapper shim");
        server = new WinbindServer(ids, tmp.resolve("winbindd"), tmp.resolve("winbindd_privileged"), 16);
        server.start();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.stop();
        }
    }

    static Result run(String... cmd) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().put("LD_PRELOAD", shim.toString());
        pb.environment().put("SELFTEST_WINBINDD_SOCKET_DIR", tmp.resolve("winbindd").toString());
        Process p = pb.start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "tool hung");
        return new Result(p.exitValue(), out.strip());
    }

    static String ok(String... cmd) throws IOException, InterruptedException {
        Result r = run(cmd);
        assertEquals(0, r.exit(), () -> String.join(" ", cmd) + " failed: " + r.out());
        return r.out();
    }

    @Test
    void pingAndInterfaceVersion() throws Exception {
        assertTrue(ok("wbinfo", "-p").contains("succeeded"));
        assertEquals("\\", ok("wbinfo", "--separator"));
        assertTrue(ok("wbinfo", "-P").contains("dc1.example.test"));
    }

    @Test
    void sidQueries() throws Exception {
        assertEquals("S-1-5-21-1111-2222-3333-513\nS-1-5-21-1111-2222-3333-1200",
                ok("wbinfo", "--user-sids", "S-1-5-21-1111-2222-3333-1101"));
        assertEquals("S-1-5-21-1111-2222-3333-513\nS-1-5-21-1111-2222-3333-1200",
                ok("wbinfo", "--user-domgroups", "S-1-5-21-1111-2222-3333-1101"));
        assertEquals("EXAMPLE\\bob:*:10002:10513:Bob:/home/EXAMPLE/bob:/bin/sh",
                ok("wbinfo", "--user-sidinfo", "S-1-5-21-1111-2222-3333-1102"));
        assertEquals("EXAMPLE\\domain users:x:10513:EXAMPLE\\alice,EXAMPLE\\bob", ok("wbinfo", "--gid-info", "10513"));
        assertEquals("S-1-5-21-1111-2222-3333-1101 -> uid 10001\nS-1-5-21-1111-2222-3333-1200 -> gid 10600\n"
                + "S-1-5-21-1111-2222-3333-9999 -> unmapped",
                ok("wbinfo", "--sids-to-unix-ids",
                        "S-1-5-21-1111-2222-3333-1101,S-1-5-21-1111-2222-3333-1200,S-1-5-21-1111-2222-3333-9999"));
    }

    @Test
    void plaintextLogonsSucceedAndChallengeResponseIsReportedUnsupported() throws Exception {
        Result r = run("wbinfo", "-a", "EXAMPLE\\alice%secret");
        assertTrue(r.exit() != 0, r.out());
        assertTrue(r.out().contains("plaintext password authentication succeeded"), r.out());
        // wbinfo tries plaintext (PAM_AUTH) and challenge/response (PAM_AUTH_CRAP, over the privileged socket)
        assertTrue(r.out().contains("Bossa: NTLM authentication is not implemented"), r.out());
    }

    /**
     * Samba's pam_winbind, loaded by pamtester, logs alice on through the socket: libwbclient
     * accepts the answer only with the info3 text (RIDs, groups) Bossa puts into it.
     */
    @Test
    void pamWinbindLogsAliceOnAndRefusesAWrongPassword() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/pamtester")), "pamtester not installed");
        Path service = Path.of("/etc/pam.d/bossa-winbind-tools-it");
        Files.writeString(service, "auth required pam_winbind.so\n");
        try {
            Result good = run("bash", "-c", "printf 'secret\\n' | pamtester bossa-winbind-tools-it 'EXAMPLE\\alice' authenticate");
            assertTrue(good.out().contains("successfully authenticated"), good.out());
            Result bad = run("bash", "-c", "printf 'nope\\n' | pamtester bossa-winbind-tools-it 'EXAMPLE\\alice' authenticate");
            assertTrue(bad.exit() != 0 && bad.out().contains("Authentication failure"), bad.out());
        } finally {
            Files.deleteIfExists(service);
        }
    }

    @Test
    void listsUsersAndGroups() throws Exception {
        assertEquals("EXAMPLE\\alice\nEXAMPLE\\bob", ok("wbinfo", "-u"));
        assertEquals("EXAMPLE\\domain users\nEXAMPLE\\engineers", ok("wbinfo", "-g"));
    }

    @Test
    void namesAndSids() throws Exception {
        assertEquals("S-1-5-21-1111-2222-3333-1101 SID_USER (1)", ok("wbinfo", "-n", "EXAMPLE\\alice"));
        assertEquals("EXAMPLE\\alice 1", ok("wbinfo", "-s", "S-1-5-21-1111-2222-3333-1101"));
        assertEquals("10001", ok("wbinfo", "-S", "S-1-5-21-1111-2222-3333-1101"));
        assertEquals("10600", ok("wbinfo", "-Y", "S-1-5-21-1111-2222-3333-1200"));
        assertEquals("S-1-5-21-1111-2222-3333-1101", ok("wbinfo", "-U", "10001"));
        assertEquals("S-1-5-21-1111-2222-3333-1200", ok("wbinfo", "-G", "10600"));
        assertTrue(run("wbinfo", "-n", "EXAMPLE\\nobody").exit() != 0);
        assertTrue(run("wbinfo", "-U", "4242").exit() != 0);
    }

    @Test
    void usersAndGroupsInfo() throws Exception {
        assertEquals("EXAMPLE\\alice:*:10001:10513:Alice Liddell:/home/EXAMPLE/alice:/bin/bash",
                ok("wbinfo", "-i", "EXAMPLE\\alice"));
        assertEquals("EXAMPLE\\bob:*:10002:10513:Bob:/home/EXAMPLE/bob:/bin/sh", ok("wbinfo", "--uid-info", "10002"));
        assertEquals("EXAMPLE\\engineers:x:10600:EXAMPLE\\alice", ok("wbinfo", "--group-info", "EXAMPLE\\engineers"));
        assertEquals("10513\n10600", ok("wbinfo", "-r", "EXAMPLE\\alice"));
    }

    @Test
    void domain() throws Exception {
        assertEquals("EXAMPLE", ok("wbinfo", "--own-domain"));
        assertTrue(ok("wbinfo", "-m").contains("EXAMPLE"));
        String d = ok("wbinfo", "-D", "EXAMPLE");
        assertTrue(d.contains("example.test") && d.contains("S-1-5-21-1111-2222-3333"), d);
    }

    @Test
    void getentThroughLibnssWinbind() throws Exception {
        assertEquals("EXAMPLE\\alice:*:10001:10513:Alice Liddell:/home/EXAMPLE/alice:/bin/bash",
                ok("getent", "-s", "winbind", "passwd", "EXAMPLE\\alice"));
        assertEquals("EXAMPLE\\bob:*:10002:10513:Bob:/home/EXAMPLE/bob:/bin/sh",
                ok("getent", "-s", "winbind", "passwd", "10002"));
        assertEquals("EXAMPLE\\engineers:x:10600:EXAMPLE\\alice", ok("getent", "-s", "winbind", "group", "10600"));
        assertEquals(2, ok("getent", "-s", "winbind", "passwd").lines().count());
        assertEquals(2, ok("getent", "-s", "winbind", "group").lines().count());
        assertEquals(2, run("getent", "-s", "winbind", "passwd", "EXAMPLE\\nobody").exit()); // 2: key not found
    }

    @Test
    void garbageAndOversizedRequestsLeaveTheServerServing() throws Exception {
        UnixDomainSocketAddress addr = UnixDomainSocketAddress.of(server.socket());
        try (SocketChannel c = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            c.connect(addr);
            c.write(ByteBuffer.wrap(new byte[WinbindRequest.SIZE])); // length field 0
            assertEquals(-1, drain(c), "a broken frame closes the connection");
        }
        try (SocketChannel c = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            c.connect(addr);
            ByteBuffer b = ByteBuffer.allocate(WinbindRequest.SIZE).order(ByteOrder.LITTLE_ENDIAN);
            b.putInt(0, WinbindRequest.SIZE).putInt(WinbindRequest.OFF_EXTRA_LEN, Integer.MAX_VALUE);
            c.write(b);
            assertEquals(-1, drain(c));
        }
        List<SocketChannel> many = new ArrayList<>();
        try {
            for (int i = 0; i < 40; i++) { // more than the limit of 16
                SocketChannel c = SocketChannel.open(StandardProtocolFamily.UNIX);
                c.connect(addr);
                many.add(c);
                try {
                    c.write(ByteBuffer.wrap("junk".getBytes(StandardCharsets.US_ASCII)));
                } catch (IOException refused) {
                    // beyond the limit the server closes the connection at accept: the write may
                    // meet a closed socket (broken pipe), which is the refusal this test provokes
                }
            }
        } finally {
            for (SocketChannel c : many) {
                c.close();
            }
        }
        assertTrue(ok("wbinfo", "-p").contains("succeeded"));
        assertEquals("EXAMPLE\\alice 1", ok("wbinfo", "-s", "S-1-5-21-1111-2222-3333-1101"));
    }

    /** Reads until the server closes; returns -1 once it has. */
    private static int drain(SocketChannel c) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(8192);
        int n;
        while ((n = c.read(b)) >= 0) {
            b.clear();
        }
        return n;
    }
}
