package org.bossa.it.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bossa.it.dc.DcInfo;
import org.bossa.it.dc.LoopbackDc;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A joined {@code bossa serve} as the host's identity service, the way winbindd is one: Samba's own
 * clients on this host (libnss_winbind through getent and id, wbinfo, and systemd's userdbctl and
 * nss-systemd through the varlink socket) reach Bossa at the real paths /run/samba/winbindd/pipe
 * and /run/systemd/userdb/org.bossa.identity, and see the domain's users and groups with the ids
 * the reference Samba member (scripts/interop/member.sh: rid over 10000-999999 for the domain, tdb
 * over 3000-7999 for the rest) gives them.
 *
 * <p>The loopback DC and the reference member run in mount namespaces of their own with a private
 * /run/samba, so the host's /run/samba/winbindd is Bossa's alone; the test checks nobody else
 * answers there before it starts, and that the sockets are gone once Bossa stops. The test user
 * data is dc.sh's: alice, bob, carol; Engineers = {alice, bob}.
 */
@ExtendWith(LoopbackDc.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class IdentityServiceIT {
    private static final Path WINBIND_PIPE = Path.of("/run/samba/winbindd/pipe");
    private static final Path USERDB_SOCKET = Path.of("/run/systemd/userdb/org.bossa.identity");
    private static final Path NSSWITCH = Path.of("/etc/nsswitch.conf");
    private static final Path MEMBER_SH = BossaCommand.BASE.resolve("scripts/interop/member.sh");
    private static final Path DC_SH = BossaCommand.BASE.resolve("scripts/interop/dc.sh");
    /** The reference member's NetBIOS name and state dir, apart from any other test's member. */
    private static final String SAMBA_NAME = "SAMBAID";

    private static MemberServer member;
    private static DcInfo dc;
    /** The nsswitch.conf found before the test, when the test had to change it; null when it did not. */
    private static String nsswitchBefore;
    private static String domain;
    private static String domainSid;
    private static long aliceRid;
    private static long engineersRid;
    private static String aliceGecos;

    /** What a command printed (stdout and stderr together) and its exit code. */
    record Run(int exit, String out) {
        boolean ok() {
            return exit == 0;
        }
    }

    @BeforeAll
    static void joinAndServe(DcInfo info) throws Exception {
        dc = info;
        domain = dc.netbiosDomain();
        // the host's NSS must ask nss-systemd and winbind after files: libnss-winbind's postinst
        // writes these lines; a host without them gets them for the test and back afterwards
        String nss = Files.readString(NSSWITCH);
        if (!hasModules(nss, "passwd") || !hasModules(nss, "group")) {
            nsswitchBefore = nss;
            Files.writeString(NSSWITCH, nss.replaceAll("(?m)^passwd:.*$", "passwd:         files systemd winbind")
                    .replaceAll("(?m)^group:.*$", "group:          files systemd winbind"));
        }
        assertThat(hasModules(Files.readString(NSSWITCH), "passwd")).isTrue();
        assertThat(hasModules(Files.readString(NSSWITCH), "group")).isTrue();
        // nobody else (a host winbindd, a leftover Bossa) may answer at the paths Bossa takes
        assertThat(answers(WINBIND_PIPE)).as("another winbindd answers at %s", WINBIND_PIPE).isFalse();
        assertThat(answers(USERDB_SOCKET)).as("another service answers at %s", USERDB_SOCKET).isFalse();

        aliceRid = rid(dc.sambaToolOrFail("user", "show", "alice", "--attributes", "objectSid"));
        engineersRid = rid(dc.sambaToolOrFail("group", "show", "Engineers", "--attributes", "objectSid"));
        Matcher sid = Pattern.compile("objectSid: (S-1-5-21-\\d+-\\d+-\\d+)-\\d+")
                .matcher(dc.sambaToolOrFail("user", "show", "alice", "--attributes", "objectSid"));
        assertThat(sid.find()).isTrue();
        domainSid = sid.group(1);
        Matcher display = Pattern.compile("(?m)^displayName: (.*)$")
                .matcher(dc.sambaToolOrFail("user", "show", "alice", "--attributes", "displayName"));
        aliceGecos = display.find() ? display.group(1).strip() : "";

        member = new MemberServer(dc, "BOSSAID", System.getenv().getOrDefault("BOSSA_HOST_IP", "127.0.0.4"));
        BossaCommand.Result join = member.join();
        assertThat(join.succeeded()).as("%s", join).isTrue();
        member.start();
        // serve listens for SMB before (or while) the identity sockets come up: wait for them, bounded
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!(answers(WINBIND_PIPE) && answers(USERDB_SOCKET)) && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        assertThat(answers(WINBIND_PIPE)).as("Bossa answers at %s:\n%s", WINBIND_PIPE, member.log()).isTrue();
    }

    @AfterAll
    static void stopAndLeave() throws Exception {
        try {
            if (member != null) {
                member.close();
                member.leave();
            }
        } finally {
            if (nsswitchBefore != null) {
                Files.writeString(NSSWITCH, nsswitchBefore);
            }
        }
    }

    private static long uid(long rid) {
        return 10000 + rid;
    }

    private static String alicePasswd() {
        return domain + "\\alice:*:" + uid(aliceRid) + ":10513:" + aliceGecos + ":/home/" + domain + "/alice:/bin/false";
    }

    // ---- 1. NSS: getent and id through libnss_winbind (and nss-systemd, which nsswitch asks first) -----

    @Test
    @Order(1)
    void getentAndIdSeeAliceAndEngineersThroughNss() {
        // winbind alone: exactly winbindd's line ('*' password, rid uid, Domain Users, template home and shell)
        assertThat(ok("getent", "-s", "winbind", "passwd", domain + "\\alice")).isEqualTo(alicePasswd());
        assertThat(ok("getent", "-s", "winbind", "passwd", Long.toString(uid(aliceRid)))).isEqualTo(alicePasswd());
        // the host's whole chain (files systemd winbind): nss-systemd answers first from the varlink
        // socket, with 'x' for the password field (userdb records carry no password) and, for a user
        // without a display name, the user name as GECOS (nss-systemd's fallback); the rest is the same
        String chainLine = domain + "\\alice:x:" + uid(aliceRid) + ":10513:" + (aliceGecos.isEmpty() ? domain + "\\alice" : aliceGecos)
                + ":/home/" + domain + "/alice:/bin/false";
        assertThat(ok("getent", "passwd", domain + "\\alice")).isEqualTo(chainLine);
        assertThat(ok("getent", "passwd", Long.toString(uid(aliceRid)))).isEqualTo(chainLine);

        String id = ok("id", domain + "\\alice");
        assertThat(id).startsWith("uid=" + uid(aliceRid) + "(" + domain + "\\alice) gid=10513(" + domain + "\\domain users)")
                .contains("10513(" + domain + "\\domain users)")
                .contains(uid(engineersRid) + "(" + domain + "\\engineers)");

        for (String[] getent : List.of(new String[] {"getent", "-s", "winbind", "group", domain + "\\engineers"},
                new String[] {"getent", "group", domain + "\\engineers"})) {
            String line = ok(getent);
            String[] f = line.split(":", -1);
            assertThat(f).as(line).hasSize(4);
            assertThat(f[0]).isEqualTo(domain + "\\engineers");
            assertThat(f[2]).isEqualTo(Long.toString(uid(engineersRid)));
            assertThat(new TreeSet<>(List.of(f[3].split(",")))).as(line)
                    .isEqualTo(new TreeSet<>(List.of(domain + "\\alice", domain + "\\bob")));
        }
    }

    // ---- 2. wbinfo against Bossa -----------------------------------------------------------------

    @Test
    @Order(2)
    void wbinfoAnswersFromBossa() {
        String aliceSid = domainSid + "-" + aliceRid;
        String engineersSid = domainSid + "-" + engineersRid;
        String aliceUid = Long.toString(uid(aliceRid));
        String engineersGid = Long.toString(uid(engineersRid));
        assertThat(ok("wbinfo", "-p")).isEqualTo("Ping to winbindd succeeded");
        assertThat(ok("wbinfo", "-P")).contains("domain[" + domain + "]").contains(dc.dcHost()).endsWith("succeeded");
        assertThat(ok("wbinfo", "-u").lines()).contains(domain + "\\alice", domain + "\\bob", domain + "\\carol");
        assertThat(ok("wbinfo", "-g").lines()).contains(domain + "\\engineers", domain + "\\domain users");
        assertThat(ok("wbinfo", "-n", domain + "\\alice")).isEqualTo(aliceSid + " SID_USER (1)");
        assertThat(ok("wbinfo", "-n", domain + "\\engineers")).isEqualTo(engineersSid + " SID_DOM_GROUP (2)");
        assertThat(ok("wbinfo", "-s", aliceSid)).isEqualTo(domain + "\\alice 1");
        assertThat(ok("wbinfo", "-S", aliceSid)).isEqualTo(aliceUid);
        assertThat(ok("wbinfo", "-Y", engineersSid)).isEqualTo(engineersGid);
        assertThat(ok("wbinfo", "-Y", domainSid + "-513")).isEqualTo("10513");
        assertThat(ok("wbinfo", "-U", aliceUid)).isEqualTo(aliceSid);
        assertThat(ok("wbinfo", "-G", engineersGid)).isEqualTo(engineersSid);
        assertThat(ok("wbinfo", "-i", domain + "\\alice")).isEqualTo(alicePasswd());
        assertThat(ok("wbinfo", "--uid-info", aliceUid)).isEqualTo(alicePasswd());
        assertThat(ok("wbinfo", "-r", domain + "\\alice").lines()).contains("10513", engineersGid);
        String group = ok("wbinfo", "--group-info", domain + "\\engineers");
        assertThat(group).startsWith(domain + "\\engineers:x:" + engineersGid + ":");
        assertThat(new TreeSet<>(List.of(group.substring(group.lastIndexOf(':') + 1).split(","))))
                .isEqualTo(new TreeSet<>(List.of(domain + "\\alice", domain + "\\bob")));
        String d = ok("wbinfo", "-D", domain);
        assertThat(d).containsPattern("(?m)^Name\\s*: " + domain + "$")
                .containsPattern("(?m)^Alt_Name\\s*: " + Pattern.quote(dc.realm().toLowerCase(java.util.Locale.ROOT)) + "$")
                .containsPattern("(?m)^SID\\s*: " + domainSid + "$");
        assertThat(ok("wbinfo", "--own-domain")).isEqualTo(domain);
        assertThat(run("wbinfo", "-n", domain + "\\nosuchuser").ok()).isFalse();
    }

    /**
     * {@code wbinfo -t} (CHECK_MACHACC) and {@code wbinfo -a}, which tries a plaintext logon (PAM_AUTH)
     * and then challenge/response (PAM_AUTH_CRAP over the privileged socket, passed to the DC over
     * Netlogon), as the reference Samba member's winbindd passes both for alice; and
     * {@code ntlm_auth}, which asks the same challenge/response of the privileged socket.
     */
    @Test
    @Order(2)
    void wbinfoAndNtlmAuthLogAliceOnBothWays() {
        assertThat(ok("wbinfo", "-t")).contains(domain).endsWith("succeeded");
        Run auth = run("wbinfo", "-a", domain + "\\alice%" + DcInfo.ALICE_PASSWORD);
        assertThat(auth.out()).contains("plaintext password authentication succeeded")
                .contains("challenge/response password authentication succeeded");
        assertThat(auth.ok()).as(auth.out()).isTrue();
        Run wrong = run("wbinfo", "-a", domain + "\\alice%not-her-password");
        assertThat(wrong.out()).contains("plaintext password authentication failed")
                .contains("challenge/response password authentication failed");
        Run ntlm = run("ntlm_auth", "--username=alice", "--domain=" + domain, "--password=" + DcInfo.ALICE_PASSWORD);
        assertThat(ntlm.ok()).as(ntlm.out()).isTrue();
        assertThat(ntlm.out()).contains("NT_STATUS_OK");
        Run ntlmWrong = run("ntlm_auth", "--username=alice", "--domain=" + domain, "--password=not-her-password");
        assertThat(ntlmWrong.ok()).as(ntlmWrong.out()).isFalse();
    }

    /**
     * Samba's pam_winbind through PAM (pamtester) against Bossa: alice's password logs her on (a
     * Kerberos AS exchange whose ticket Bossa checks with its keytab, answered with the info3 text
     * libwbclient requires), a wrong one is refused. The PAM service file is the test's own.
     */
    @Test
    @Order(2)
    void pamWinbindAuthenticatesAliceAndRefusesAWrongPassword() throws IOException {
        Path service = Path.of("/etc/pam.d/bossa-it-winbind");
        Files.writeString(service, "auth required pam_winbind.so\naccount required pam_winbind.so\n");
        try {
            Run good = run("bash", "-c", "printf '%s\\n' \"$0\" | pamtester bossa-it-winbind \"$1\" authenticate",
                    DcInfo.ALICE_PASSWORD, domain + "\\alice");
            assertThat(good.out()).as("%s", good.out()).contains("successfully authenticated");
            Run bad = run("bash", "-c", "printf '%s\\n' \"$0\" | pamtester bossa-it-winbind \"$1\" authenticate",
                    "not-her-password", domain + "\\alice");
            assertThat(bad.ok()).isFalse();
            assertThat(bad.out()).contains("Authentication failure");
        } finally {
            Files.deleteIfExists(service);
        }
    }

    // ---- 3. the same ids as Samba's winbindd ---------------------------------------------------------

    /**
     * Every user and group of the domain maps to the same uid/gid on Bossa as on the reference Samba
     * member (rid backend, same range): each side resolves the name to a SID and the SID to an id with
     * its own wbinfo. BUILTIN and well-known SIDs come from the {@code *} range, which both sides
     * allocate in the order SIDs are first asked for (Samba's tdb backend; Bossa's allocator): smbd
     * and winbindd ask for some at start-up (BUILTIN\Administrators and Users for the token of the
     * first logon), so the order differs and those ids are not comparable; for them the test only
     * asserts that both sides resolve the same SID and give an id from 3000-7999.
     */
    @Test
    @Order(3)
    void everyDomainUserAndGroupHasTheSameIdOnBossaAsOnSamba() throws Exception {
        List<String> names = new ArrayList<>();
        for (String user : dc.sambaToolOrFail("user", "list").split("\n")) {
            if (!user.isBlank()) {
                names.add(domain + "\\" + user.strip());
            }
        }
        for (String g : dc.sambaToolOrFail("group", "list").split("\n")) {
            if (!g.isBlank()) {
                names.add(domain + "\\" + g.strip());
            }
        }
        names.add("BUILTIN\\Users");
        names.add("BUILTIN\\Administrators");

        Map<String, String> env = samberEnv();
        Run join = runEnv(env, "bash", MEMBER_SH.toString(), "join");
        try {
            assertThat(join.ok()).as("member.sh join: %s", join.out()).isTrue();
            Run start = runEnv(env, "bash", MEMBER_SH.toString(), "start");
            assertThat(start.ok()).as("member.sh start: %s", start.out()).isTrue();

            List<String> script = new ArrayList<>(List.of("bash", "-c", MAP_SCRIPT, "map"));
            script.addAll(names);
            List<String> onSamba = new ArrayList<>(List.of("bash", MEMBER_SH.toString(), "exec"));
            onSamba.addAll(script);
            Run samba = runEnv(env, onSamba.toArray(String[]::new));
            assertThat(samba.ok()).as(samba.out()).isTrue();
            Run bossa = runEnv(Map.of(), script.toArray(String[]::new));
            assertThat(bossa.ok()).as(bossa.out()).isTrue();
            Map<String, String[]> s = parseMap(samba.out());
            Map<String, String[]> b = parseMap(bossa.out());

            int compared = 0;
            List<String> mismatches = new ArrayList<>();
            for (String name : names) {
                String[] sv = s.get(name);
                if (sv == null || !sv[0].startsWith(domainSid + "-")) {
                    continue; // not a domain SID for Samba (samba-tool lists BUILTIN aliases as plain names)
                }
                compared++;
                String[] bv = b.get(name);
                if (bv == null || !String.join(" ", sv).equals(String.join(" ", bv))) {
                    mismatches.add(name + ": samba " + String.join(" ", sv) + ", bossa "
                            + (bv == null ? "(none)" : String.join(" ", bv)));
                }
            }
            assertThat(mismatches).as("Samba said:\n%s\nBossa said:\n%s", samba.out(), bossa.out()).isEmpty();
            assertThat(s.keySet()).contains(domain + "\\alice", domain + "\\bob", domain + "\\carol",
                    domain + "\\Engineers", domain + "\\Domain Users");
            assertThat(compared).isGreaterThanOrEqualTo(8);
            // BUILTIN: the same SID on both sides, and Bossa's gid from the * range. Samba's freshly
            // joined winbindd sometimes has no gid for them yet (it allocates once smbd or a logon
            // asks), so its gid is checked only when it gives one.
            for (String builtin : List.of("BUILTIN\\Users", "BUILTIN\\Administrators")) {
                String sid = builtin.endsWith("Users") ? "S-1-5-32-545" : "S-1-5-32-544";
                for (Map<String, String[]> side : List.of(s, b)) {
                    String[] v = side.get(builtin);
                    assertThat(v).as("%s (Samba:\n%s\nBossa:\n%s)", builtin, samba.out(), bossa.out()).isNotNull();
                    assertThat(v[0]).isEqualTo(sid);
                    if (side == s && v[2].equals("-")) {
                        continue;
                    }
                    assertThat(v[2]).as("%s's gid (Samba:\n%s\nBossa:\n%s)", builtin, samba.out(), bossa.out()).matches("\\d+");
                    assertThat(Long.parseLong(v[2])).isBetween(3000L, 7999L);
                }
            }
        } finally {
            runEnv(env, "bash", MEMBER_SH.toString(), "leave");
        }
    }

    /**
     * For each name: {@code NAME SID TYPE ID}, the SID and type from {@code wbinfo -n}, the id from
     * {@code wbinfo -S} (users) or {@code -Y} (groups, aliases, well-known groups); a name that does not
     * resolve prints {@code NAME - - -}. Tab-separated, since names hold spaces.
     */
    private static final String MAP_SCRIPT = """
            for n in "$@"; do
              r=$(wbinfo -n "$n" 2>/dev/null) || { printf '%s\\t-\\t-\\t-\\n' "$n"; continue; }
              sid=${r%% *}; type=$(printf '%s' "$r" | sed -n 's/.*(\\([0-9]*\\))$/\\1/p')
              if [ "$type" = 1 ]; then id=$(wbinfo -S "$sid" 2>/dev/null) || id=-; else id=$(wbinfo -Y "$sid" 2>/dev/null) || id=-; fi
              printf '%s\\t%s\\t%s\\t%s\\n' "$n" "$sid" "$type" "$id"
            done
            """;

    private static Map<String, String[]> parseMap(String out) {
        Map<String, String[]> m = new LinkedHashMap<>();
        for (String line : out.split("\n")) {
            String[] f = line.split("\t");
            if (f.length == 4 && !f[1].equals("-")) {
                m.put(f[0], new String[] {f[1], f[2], f[3]});
            }
        }
        return m;
    }

    private static Map<String, String> samberEnv() {
        return Map.of("BOSSA_MEMBER_NAME", SAMBA_NAME,
                "BOSSA_MEMBER_DIR", BossaCommand.BASE.resolve("target/it-domain/" + SAMBA_NAME + "-samba").toString());
    }

    // ---- 4. systemd's userdb -------------------------------------------------------------------

    @Test
    @Order(4)
    void userdbctlSeesTheSameUserAsGetent() {
        assertThat(Files.exists(USERDB_SOCKET)).as("%s", USERDB_SOCKET).isTrue();
        String classic = ok("userdbctl", "-s", "org.bossa.identity", "--output=classic", "user", domain + "\\alice");
        String line = classic.lines().filter(l -> l.startsWith(domain + "\\alice:")).findFirst().orElse("");
        String[] u = line.split(":", -1);
        String[] g = alicePasswd().split(":", -1);
        assertThat(u).as(classic).hasSize(7);
        assertThat(List.of(u[0], u[2], u[3], u[5], u[6])).isEqualTo(List.of(g[0], g[2], g[3], g[5], g[6]));
        String json = ok("userdbctl", "-s", "org.bossa.identity", "-j", "user", Long.toString(uid(aliceRid)));
        assertThat(json).contains("\"userName\" : \"" + domain + "\\\\alice\"")
                .contains("\"uid\" : " + uid(aliceRid)).contains("\"gid\" : 10513")
                .contains("\"homeDirectory\" : \"/home/" + domain + "/alice\"").contains("\"shell\" : \"/bin/false\"");
        String groups = ok("userdbctl", "-s", "org.bossa.identity", "groups-of-user", domain + "\\alice");
        assertThat(groups).contains(domain + "\\engineers");
    }

    // ---- 6. ownership through NSS ---------------------------------------------------------------------

    @Test
    @Order(5)
    void aFileAliceWritesOverSmbShowsHerNameInStat() throws IOException {
        Path local = member.dir.resolve("owned.txt");
        Files.writeString(local, "alice's\n");
        Run put = run("smbclient", "//" + member.bindAddress + "/share", "-p", Integer.toString(member.port), "-m", "SMB3",
                "-U", domain + "\\alice%" + DcInfo.ALICE_PASSWORD, "-c", "put " + local + " owned.txt");
        assertThat(put.ok()).as(put.out()).isTrue();
        assertThat(ok("stat", "-c", "%u %g %U %G", member.share.resolve("owned.txt").toString()))
                .isEqualTo(uid(aliceRid) + " 10513 " + domain + "\\alice " + domain + "\\domain users");
    }

    // ---- 5. offline: cached answers, ping fails, and comes back with the DC ----------------------------

    @Test
    @Order(6)
    void withTheDcStoppedCachedNamesStillAnswerAndThePingComesBackWithIt() throws Exception {
        String before = ok("getent", "-s", "winbind", "passwd", domain + "\\alice"); // warm the cache
        assertThat(before).isEqualTo(alicePasswd());
        Run stop = run("bash", DC_SH.toString(), "stop");
        assertThat(stop.ok()).as(stop.out()).isTrue();
        try {
            assertThat(ok("getent", "-s", "winbind", "passwd", domain + "\\alice")).isEqualTo(alicePasswd());
            assertThat(ok("wbinfo", "-i", domain + "\\alice")).isEqualTo(alicePasswd());
            // Bossa may learn of the DC's absence on its next probe: wait for it, bounded
            Run ping = pollUntil(30, false, "wbinfo", "-P");
            assertThat(ping.ok()).as("wbinfo -P with the DC stopped: %s", ping.out()).isFalse();
        } finally {
            Run start = run("bash", DC_SH.toString(), "start");
            assertThat(start.ok()).as(start.out()).isTrue();
        }
        Run ping = pollUntil(30, true, "wbinfo", "-P");
        assertThat(ping.ok()).as("wbinfo -P within 30 s of the DC's return, Bossa not restarted: %s", ping.out()).isTrue();
        assertThat(ok("getent", "-s", "winbind", "passwd", domain + "\\alice")).isEqualTo(alicePasswd());
    }

    // ---- stopping: the sockets go with Bossa -------------------------------------------------------------

    @Test
    @Order(7)
    void theSocketsAreGoneOnceBossaStops() throws Exception {
        member.close();
        assertThat(Files.exists(WINBIND_PIPE)).as("%s after serve stopped", WINBIND_PIPE).isFalse();
        assertThat(Files.exists(USERDB_SOCKET)).as("%s after serve stopped", USERDB_SOCKET).isFalse();
        assertThat(run("getent", "-s", "winbind", "passwd", domain + "\\alice").ok()).isFalse();
    }

    // ---- helpers ---------------------------------------------------------------------------------------

    private static boolean hasModules(String nsswitch, String database) {
        Matcher m = Pattern.compile("(?m)^" + database + ":\\s*(.*)$").matcher(nsswitch);
        if (!m.find()) {
            return false;
        }
        Set<String> modules = Set.of(m.group(1).strip().split("\\s+"));
        return modules.contains("files") && modules.contains("systemd") && modules.contains("winbind");
    }

    /** Whether something accepts connections on the Unix socket {@code path}. */
    private static boolean answers(Path path) {
        if (!Files.exists(path)) {
            return false;
        }
        try (SocketChannel c = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            c.connect(UnixDomainSocketAddress.of(path));
            return true;
        } catch (IOException refused) {
            return false;
        }
    }

    private static String withoutPassword(String passwdLine) {
        String[] f = passwdLine.split(":", -1);
        assertThat(f).as(passwdLine).hasSize(7);
        f[1] = "?";
        return String.join(":", f);
    }

    private static long rid(String sambaShow) {
        Matcher m = Pattern.compile("objectSid: S-1-5-21-\\d+-\\d+-\\d+-(\\d+)").matcher(sambaShow);
        assertThat(m.find()).as(sambaShow).isTrue();
        return Long.parseLong(m.group(1));
    }

    private static Run pollUntil(int seconds, boolean success, String... cmd) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        Run last = run(cmd);
        while (last.ok() != success && System.nanoTime() < deadline) {
            Thread.sleep(500);
            last = run(cmd);
        }
        return last;
    }

    /** The command's output, stripped, which must have exited 0. */
    private static String ok(String... cmd) {
        Run r = run(cmd);
        assertThat(r.exit()).as("%s: %s", String.join(" ", cmd), r.out()).isZero();
        return r.out();
    }

    private static Run run(String... cmd) {
        return runEnv(Map.of(), cmd);
    }

    /**
     * Runs {@code cmd} with the DC's krb5.conf and {@code env} added, killed after 120 s. Output goes
     * to a file, not a pipe: member.sh start leaves daemons behind that must not hold the test's pipe.
     */
    private static Run runEnv(Map<String, String> env, String... cmd) {
        Path out = null;
        try {
            out = Files.createTempFile("identity-it", ".out");
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).directory(BossaCommand.BASE.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                    .redirectOutput(out.toFile());
            pb.environment().putAll(dc.krb5Env());
            pb.environment().putAll(env);
            Process p = pb.start();
            boolean exited = p.waitFor(120, TimeUnit.SECONDS);
            if (!exited) {
                p.destroyForcibly().waitFor();
            }
            String text = Files.readString(out, StandardCharsets.UTF_8).strip();
            return exited ? new Run(p.exitValue(), text) : new Run(-1, text + "\n(killed after 120 s)");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            if (out != null) {
                out.toFile().delete();
            }
        }
    }
}
