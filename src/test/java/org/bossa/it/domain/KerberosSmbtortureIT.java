package org.bossa.it.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.bossa.it.dc.LoopbackDc;
import org.bossa.it.dc.ToolResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The domain run of smbtorture: the tests of
 * {@code src/test/resources/interop/smbtorture-domain-tests.txt} (the session expiry tests, which
 * need Kerberos logons) against Bossa joined to the loopback DC, compared with
 * {@code smbtorture-domain-knownfail.txt}. All the work is done by
 * {@code scripts/interop/smbtorture-domain.sh} (join, serve, one smbtorture per test, the
 * comparison, leave); this class brings the DC up and fails when the script reports a mismatch.
 *
 * <p>The expiry tests wait for their 4-second tickets to end (about 20 s for each expire1 test and
 * 10 s for the others when they pass).
 */
@ExtendWith(LoopbackDc.class)
class KerberosSmbtortureIT {
    private static final Path SCRIPT = BossaCommand.BASE.resolve("scripts/interop/smbtorture-domain.sh");

    @Test
    void theDomainTestsMatchTheDomainKnownfailList() {
        assertThat(BossaCommand.JAR).as("the package phase builds it (./mvnw verify)").isRegularFile();
        // the script checks for smbtorture and the DC itself (exit 2, saying what is missing);
        // six tests under a 90 s limit each, plus join, start and leave: well within 12 minutes
        ToolResult r = ScriptRun.run(List.of("bash", SCRIPT.toString(), BossaCommand.JAR.toString()), Duration.ofMinutes(12));
        assertThat(r.exitCode())
                .as("smbtorture-domain.sh: results differ from src/test/resources/interop/smbtorture-domain-knownfail.txt"
                        + " (logs: target/interop/smbtorture-domain/; regenerate: scripts/interop/smbtorture-domain.sh"
                        + " --update-knownfail)\n%s", r.output())
                .isZero();
    }
}
