package org.bossa.identity.userdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The service as systemd's own tools see it: {@code userdbctl} (package systemd-userdbd) and
 * {@code getent} through nss-systemd. Both look only in /run/systemd/userdb/, so each command runs
 * in a private mount namespace ({@code unshare -m}) where a tmpfs covers /run/systemd and the test's
 * socket directory is bind-mounted on /run/systemd/userdb; the host's /run is never touched.
 * Needs root, unshare and userdbctl; without them the test is skipped with the reason stated
 * (JUnit reports it as an aborted assumption, not a pass).
 */
class UserDbctlIT {
    @TempDir
    Path dir;

    record Result(int exit, String out) {
    }

    private Result inNamespace(Path socketDir, String command) throws IOException, InterruptedException {
        String script = "set -e; mount -t tmpfs tmpfs /run/systemd; mkdir /run/systemd/userdb;"
                + " mount --bind '" + socketDir + "' /run/systemd/userdb; " + command;
        Process p = new ProcessBuilder("unshare", "-m", "--propagation", "private", "sh", "-c", script)
                .redirectErrorStream(true).start();
        p.getOutputStream().close();
        byte[] out = p.getInputStream().readAllBytes();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
    }

    private static boolean onPath(String tool) {
        for (String d : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (!d.isEmpty() && Files.isExecutable(Path.of(d, tool))) {
                return true;
            }
        }
        return false;
    }

    private UserDbServer serve(Path socketDir, char separator) throws IOException {
        UserDbServer s = new UserDbServer(
                new UserDbConfig(socketDir.resolve("org.bossa.identity"), 8, 64 * 1024, Duration.ofSeconds(30), 100),
                new FakeIdentityService(separator));
        s.start();
        return s;
    }

    private void assumeTools() throws IOException, InterruptedException {
        assumeTrue(onPath("userdbctl"), "userdbctl not installed (Debian package systemd-userdbd)");
        assumeTrue(onPath("unshare"), "unshare not installed");
        Process id = new ProcessBuilder("id", "-u").start();
        String uid = new String(id.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).trim();
        id.waitFor();
        assumeTrue(uid.equals("0"), "a private mount namespace needs root");
    }

    @Test
    void userdbctlAndNssSystemdSeeTheDomainWithThePlusSeparator() throws Exception {
        assumeTools();
        Path socketDir = Files.createDirectories(dir.resolve("userdb"));
        try (UserDbServer s = serve(socketDir, '+')) {
            Result user = inNamespace(socketDir, "userdbctl -j -s org.bossa.identity user EXAMPLE+alice");
            assertThat(user.exit()).as(user.out()).isZero();
            assertThat(user.out()).contains("\"userName\" : \"EXAMPLE+alice\"").contains("\"uid\" : 10001")
                    .contains("\"realName\" : \"Alice Liddell\"").contains("\"service\" : \"org.bossa.identity\"");

            Result byUid = inNamespace(socketDir, "userdbctl -j -s org.bossa.identity user 10002");
            assertThat(byUid.exit()).as(byUid.out()).isZero();
            assertThat(byUid.out()).contains("\"userName\" : \"EXAMPLE+bob\"");

            Result group = inNamespace(socketDir, "userdbctl -j -s org.bossa.identity group 10600");
            assertThat(group.exit()).as(group.out()).isZero();
            assertThat(group.out()).contains("\"groupName\" : \"EXAMPLE+engineers\"");

            Result list = inNamespace(socketDir, "userdbctl --output=classic -s org.bossa.identity user");
            assertThat(list.exit()).as(list.out()).isZero();
            assertThat(list.out()).contains("EXAMPLE+alice:x:10001:10513:Alice Liddell:/home/EXAMPLE/alice:/bin/bash")
                    // no realName in bob's record: userdbctl's classic output shows the user name as GECOS
                    .contains("EXAMPLE+bob:x:10002:10513:EXAMPLE+bob:/home/EXAMPLE/bob:/bin/sh");

            Result groupsOf = inNamespace(socketDir, "userdbctl -s org.bossa.identity groups-of-user EXAMPLE+alice");
            assertThat(groupsOf.exit()).as(groupsOf.out()).isZero();
            assertThat(groupsOf.out()).contains("EXAMPLE+domain users").contains("EXAMPLE+engineers");

            Result members = inNamespace(socketDir, "userdbctl -s org.bossa.identity users-in-group EXAMPLE+engineers");
            assertThat(members.exit()).as(members.out()).isZero();
            assertThat(members.out()).contains("EXAMPLE+alice").doesNotContain("EXAMPLE+bob");

            Result missing = inNamespace(socketDir, "userdbctl -s org.bossa.identity user nosuchuser");
            assertThat(missing.exit()).as(missing.out()).isNotZero();

            // the host's libc through nss-systemd ("passwd: files systemd ..." in nsswitch.conf)
            assumeTrue(Files.readString(Path.of("/etc/nsswitch.conf")).matches("(?s).*\\npasswd:[^\\n]*systemd.*"),
                    "nss-systemd is not in /etc/nsswitch.conf");
            Result getent = inNamespace(socketDir, "getent passwd EXAMPLE+alice; getent group EXAMPLE+engineers;"
                    + " id EXAMPLE+alice");
            assertThat(getent.exit()).as(getent.out()).isZero();
            assertThat(getent.out()).contains("EXAMPLE+alice:x:10001:10513:Alice Liddell:/home/EXAMPLE/alice:/bin/bash")
                    .contains("EXAMPLE+engineers:x:10600:EXAMPLE+alice").contains("10600(EXAMPLE+engineers)");
        }
    }

    /**
     * Winbind's default separator. Upstream systemd before 253 refuses {@code \} in user and group
     * names (Samba 4.23 documents this for its varlink service and recommends '+'); Debian 12's
     * systemd 252 builds accept it, which is what this asserts on this host. On an unpatched 252
     * this test fails, and the separator must then be '+'.
     */
    @Test
    void backslashNamesPassThisHostsSystemd() throws Exception {
        assumeTools();
        Path socketDir = Files.createDirectories(dir.resolve("userdb"));
        try (UserDbServer s = serve(socketDir, '\\')) {
            Result byUid = inNamespace(socketDir, "userdbctl -j -s org.bossa.identity user 10001");
            assertThat(byUid.exit()).as(byUid.out()).isZero();
            assertThat(byUid.out()).contains("\"userName\" : \"EXAMPLE\\\\alice\"");
            Result id = inNamespace(socketDir, "id alice");
            assertThat(id.exit()).as(id.out()).isZero();
            assertThat(id.out()).contains("uid=10001(EXAMPLE\\alice)").contains("10600(EXAMPLE\\engineers)");
        }
    }
}
