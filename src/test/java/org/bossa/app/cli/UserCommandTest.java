package org.bossa.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.Map;
import java.util.function.Supplier;
import org.bossa.auth.ntlm.NtHash;
import org.bossa.store.LocalUser;
import org.bossa.store.embedded.EmbeddedStateStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class UserCommandTest {
    /** Not in any real /etc/passwd. */
    private static final String USER = "bossa-test-nobody";

    @TempDir
    Path tmp;

    private Path stateDir;
    private InputStream savedIn;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeEach
    void setUp() {
        stateDir = tmp.resolve("state");
        savedIn = System.in;
    }

    @AfterEach
    void restoreStdin() {
        System.setIn(savedIn);
    }

    private int run(UserCommand command, String stdin, String... args) {
        System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        CommandLine cl = new CommandLine(command);
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    private int run(String stdin, String... args) {
        String[] all = new String[args.length + 2];
        all[0] = "--state-dir";
        all[1] = stateDir.toString();
        System.arraycopy(args, 0, all, 2, args.length);
        return run(new UserCommand(), stdin, all);
    }

    private LocalUser stored(String name) {
        try (var store = EmbeddedStateStore.open(stateDir)) {
            return store.findUser(name).orElseThrow();
        }
    }

    @Test
    void addListPasswdDel() {
        assertThat(run("Password\n", "add", USER, "--password-stdin")).isZero();
        assertThat(out.toString()).contains("added user " + USER);
        LocalUser u = stored(USER);
        assertThat(u.ntHash()).isEqualTo(NtHash.of("Password"));
        assertThat(u.rid()).isEqualTo(1000);
        assertThat(u.uid()).isEqualTo(70000);
        assertThat(u.gid()).isEqualTo(UserCommand.BOSSA_USERS_GID);
        assertThat(u.enabled()).isTrue();

        assertThat(run("x\n", "add", USER.toUpperCase(), "--password-stdin")).isEqualTo(1);
        assertThat(err.toString()).contains("already exists").hasLineCount(1);

        assertThat(run("", "list")).isZero();
        String listing = out.toString();
        assertThat(listing.lines().findFirst().orElseThrow())
                .matches("NAME +RID +UID +GID +ENABLED +PASSWORD SET");
        assertThat(listing).contains(USER).contains("1000").contains("70000").contains("yes");
        String hex = HexFormat.of().formatHex(NtHash.of("Password"));
        assertThat(listing.toLowerCase()).doesNotContain(hex);
        assertThat(listing).doesNotContain("Password\n");
        assertThat(err.toString()).isEmpty();

        assertThat(run("n3w S3cret pass\r\n", "passwd", USER, "--password-stdin")).isZero();
        LocalUser changed = stored(USER);
        assertThat(changed.ntHash()).isEqualTo(NtHash.of("n3w S3cret pass"));
        assertThat(changed.rid()).isEqualTo(u.rid());
        assertThat(changed.passwordLastSet()).isAfterOrEqualTo(u.passwordLastSet());
        assertThat(out.toString() + err.toString()).doesNotContain("n3w S3cret pass");

        assertThat(run("", "del", USER)).isZero();
        try (var store = EmbeddedStateStore.open(stateDir)) {
            assertThat(store.findUser(USER)).isEmpty();
        }
        assertThat(run("", "del", USER)).isEqualTo(1);
        assertThat(err.toString()).contains("no such user").hasLineCount(1);
        assertThat(run("pw\n", "passwd", USER, "--password-stdin")).isEqualTo(1);
        assertThat(err.toString()).contains("no such user").hasLineCount(1);
    }

    @Test
    void stdinThatIsNotATerminalIsReadWithoutTheOption() {
        // surefire's stdin is a pipe, so the command reads one line as if --password-stdin were given
        assertThat(run("Password\nignored\n", "add", USER)).isZero();
        assertThat(stored(USER).ntHash()).isEqualTo(NtHash.of("Password"));
    }

    @Test
    void refusesEmptyOrMissingPassword() {
        assertThat(run("\n", "add", USER, "--password-stdin")).isEqualTo(1);
        assertThat(err.toString()).contains("empty password").hasLineCount(1);
        assertThat(run("", "add", USER, "--password-stdin")).isEqualTo(1);
        assertThat(err.toString()).contains("no password").hasLineCount(1);
        assertThat(run("", "list")).isZero();
        assertThat(out.toString()).doesNotContain(USER);
    }

    @Test
    void nonAsciiPasswordsAreUtf8() {
        assertThat(run("pässwörd€\n", "add", USER, "--password-stdin")).isZero();
        assertThat(stored(USER).ntHash()).isEqualTo(NtHash.of("pässwörd€"));
    }

    @Test
    void uidsAreAllocatedAndOptionsWin() {
        assertThat(run("a\n", "add", "u1", "--password-stdin")).isZero();
        assertThat(run("a\n", "add", "u2", "--password-stdin", "--uid", "1234", "--gid", "99")).isZero();
        assertThat(run("a\n", "add", "u3", "--password-stdin")).isZero();
        assertThat(stored("u1").uid()).isEqualTo(70000);
        assertThat(stored("u2").uid()).isEqualTo(1234);
        assertThat(stored("u2").gid()).isEqualTo(99);
        assertThat(stored("u3").uid()).isEqualTo(70001);
        assertThat(stored("u3").rid()).isEqualTo(1002);
    }

    @Test
    void anIdOutOfRangeIsRefusedBeforeTheUserIsMade() {
        assertThat(run("a\n", "add", "u1", "--password-stdin", "--uid", "-1")).isEqualTo(1);
        assertThat(err.toString()).contains("uid out of range");
        assertThat(run("a\n", "add", "u1", "--password-stdin", "--gid", "4294967295")).isEqualTo(1);
        assertThat(err.toString()).contains("gid out of range");
        // no RID was spent on the refused adds
        assertThat(run("a\n", "add", "u2", "--password-stdin")).isZero();
        assertThat(stored("u2").rid()).isEqualTo(1000);
    }

    @Test
    void usesTheAccountInEtcPasswd() throws Exception {
        Path passwd = Files.writeString(tmp.resolve("passwd"), """
                root:x:0:0:root:/root:/bin/bash
                # comment
                alice:x:1001:1002:Alice:/home/alice:/bin/bash
                broken:x:notanumber:1
                daemon:x:70000:70000::/:/usr/sbin/nologin
                """);
        Supplier<UserCommand> command = () -> new UserCommand(() -> stateDir, EmbeddedStateStore::open, passwd);
        assertThat(run(command.get(), "pw\n", "add", "alice", "--password-stdin")).isZero();
        assertThat(stored("alice").uid()).isEqualTo(1001);
        assertThat(stored("alice").gid()).isEqualTo(1002);
        // POSIX names are case-sensitive: Alice2 has no account; uid 70000 is taken by daemon
        assertThat(run(command.get(), "pw\n", "add", "Alice2", "--password-stdin")).isZero();
        assertThat(stored("Alice2").uid()).isEqualTo(70001);
        assertThat(stored("Alice2").gid()).isEqualTo(UserCommand.BOSSA_USERS_GID);
        assertThat(run(command.get(), "pw\n", "add", "root", "--password-stdin", "--gid", "5")).isZero();
        assertThat(stored("root").uid()).isZero();
        assertThat(stored("root").gid()).isEqualTo(5);
    }

    @Test
    void stateDirOptionAfterTheSubcommandAndDefault() {
        assertThat(run(new UserCommand(() -> Path.of("/nonexistent/never")), "pw\n",
                "add", USER, "--password-stdin", "--state-dir", stateDir.toString())).isZero();
        assertThat(stored(USER)).isNotNull();
        assertThat(run(new UserCommand(() -> stateDir), "", "list")).isZero();
        assertThat(out.toString()).contains(USER);
    }

    @Test
    void stateDirFromEnvironment() {
        assertThat(StateDirs.fromEnvironment(Map.of())).isEqualTo(Path.of("state"));
        assertThat(StateDirs.fromEnvironment(Map.of("BOSSA_STATE_DIR", ""))).isEqualTo(Path.of("state"));
        assertThat(StateDirs.fromEnvironment(Map.of("BOSSA_STATE_DIR", "/var/lib/bossa")))
                .isEqualTo(Path.of("/var/lib/bossa"));
    }

    @Test
    void badNamesAndUsage() {
        assertThat(run("pw\n", "add", "a/b", "--password-stdin")).isEqualTo(1);
        assertThat(err.toString()).contains("user name").hasLineCount(1);
        assertThat(run("pw\n", "add", "x", "--password-stdin", "--uid", "-5")).isEqualTo(1);
        assertThat(run("", "add")).isEqualTo(2);
        assertThat(run("", "frobnicate")).isEqualTo(2);
        assertThat(run("")).isEqualTo(2);
        assertThat(run("", "list", "--bogus")).isEqualTo(2);
    }

    @Test
    void failsCleanlyWhenTheStoreCannotBeOpened() throws Exception {
        Path file = Files.createFile(tmp.resolve("file"));
        assertThat(run(new UserCommand(() -> file), "", "list")).isEqualTo(1);
        assertThat(err.toString()).contains(file.toString()).hasLineCount(1);
    }

    @Test
    void passwordReaderStopsAtTheNewline() throws Exception {
        var in = new ByteArrayInputStream("first\nsecond\n".getBytes(StandardCharsets.UTF_8));
        assertThat(PasswordInput.readLine(in)).isEqualTo("first");
        assertThat(PasswordInput.readLine(in)).isEqualTo("second");
        var last = new ByteArrayInputStream("no newline".getBytes(StandardCharsets.UTF_8));
        assertThat(PasswordInput.readLine(last)).isEqualTo("no newline");
        var bad = new ByteArrayInputStream(new byte[] {(byte) 0xff, '\n'});
        assertThatThrownBy(() -> PasswordInput.readLine(bad))
                .isInstanceOf(CliException.class).hasMessageContaining("UTF-8");
        var huge = new ByteArrayInputStream("x".repeat(5000).getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> PasswordInput.readLine(huge))
                .isInstanceOf(CliException.class).hasMessageContaining("longer");
    }
}
