package org.bossa.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import org.bossa.domain.ComputerName;
import org.bossa.domain.DomainMembership;
import org.bossa.domain.MembershipStore;
import org.bossa.store.embedded.EmbeddedStateStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** bossa idmap over a joined state directory with the default settings (rid 10000-999999, * 3000-7999). */
class IdmapCommandTest {
    @TempDir
    Path state;

    @BeforeEach
    void join() {
        try (EmbeddedStateStore store = EmbeddedStateStore.open(state)) {
            new MembershipStore(store).save(new DomainMembership("EXAMPLE.TEST", "example.test", "EXAMPLE",
                    "S-1-5-21-1-2-3", new ComputerName("BOSSA", "example.test"),
                    "CN=BOSSA,CN=Computers,DC=example,DC=test", 2, 0x18, "Machine!Passw0rd-1", Optional.empty(),
                    state.resolve("krb5.keytab"), "127.0.0.2", "", Instant.now(), Instant.now()));
        }
    }

    private record Out(int exit, String out, String err) {
    }

    private Out run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cmd = new CommandLine(new IdmapCommand());
        cmd.setOut(new PrintWriter(out));
        cmd.setErr(new PrintWriter(err));
        String[] all = new String[args.length + 2];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "--state-dir";
        all[args.length + 1] = state.toString();
        int rc = cmd.execute(all);
        return new Out(rc, out.toString().strip(), err.toString().strip());
    }

    @Test
    void rangesAndBothDirectionsOfTheMapping() {
        Out ranges = run("ranges");
        assertThat(ranges.exit()).as(ranges.err()).isZero();
        assertThat(ranges.out()).contains("*").contains("3000-7999").contains("EXAMPLE").contains("rid")
                .contains("10000-999999");
        Out alice = run("sid-to-id", "S-1-5-21-1-2-3-1103");
        assertThat(alice.out()).isEqualTo("S-1-5-21-1-2-3-1103 uid 11103 gid 11103");
        assertThat(run("id-to-sid", "--gid", "10513").out()).isEqualTo("S-1-5-21-1-2-3-513");
        // outside every range: a Unix account, as on Samba
        assertThat(run("id-to-sid", "--uid", "2999").out()).isEqualTo("S-1-22-1-2999");
        // inside the allocator's range but never handed out: nothing
        Out none = run("id-to-sid", "--uid", "7000");
        assertThat(none.exit()).isEqualTo(1);
        assertThat(none.out()).isEqualTo("-");
        Out negative = run("id-to-sid", "--uid", "-5");
        assertThat(negative.exit()).isEqualTo(1);
        assertThat(negative.err()).contains("from 0 to 4294967294");
    }

    @Test
    void aNotJoinedStateIsAClearError() {
        state = state.resolve("empty");
        Out r = run("ranges");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("not joined");
    }
}
