package org.bossa.it.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bossa.it.dc.DcInfo;
import org.bossa.it.dc.LoopbackDc;
import org.bossa.it.dc.ToolResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code serve} changes the machine password on its own once it is older than
 * {@code bossa.domain.machine-password-timeout} (here 4 s instead of 30 days): the DC's key version
 * goes up, the keytab gets the new keys and keeps the previous ones, and the machine account works.
 */
@ExtendWith(LoopbackDc.class)
class PasswordRotationIT {

    @Test
    void theMachinePasswordIsChangedWhenItIsOlderThanTheTimeout(DcInfo dc) throws Exception {
        try (MemberServer member = new MemberServer(dc, "BOSSAR1")) {
            assertThat(member.join().succeeded()).isTrue();
            int before = dc.computerKvno("BOSSAR1");
            try {
                member.start("machine-password-timeout: 4s");
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(40);
                int now = before;
                while (now == before && System.nanoTime() < deadline) {
                    Thread.sleep(500);
                    now = dc.computerKvno("BOSSAR1");
                }
                assertThat(now).as("kvno changed by serve; log:\n%s", member.log()).isGreaterThan(before);
                member.close();
                BossaCommand.Result info = member.command("info");
                assertThat(storedKvno(info.out())).isEqualTo(dc.computerKvno("BOSSAR1"));
                ToolResult kinit = dc.run(List.of("kinit", "-k", "-t", member.stateDir().resolve("krb5.keytab").toString(),
                        "-c", "MEMORY:", "BOSSAR1$@" + dc.realm()), null);
                assertThat(kinit.succeeded()).as("%s", kinit).isTrue();
                ToolResult klist = dc.run(List.of("klist", "-k", member.stateDir().resolve("krb5.keytab").toString()), null);
                assertThat(klist.output()).as("previous keys kept").containsPattern("(?m)^\\s*" + (storedKvno(info.out()) - 1) + " ");
                assertThat(member.command("testjoin").succeeded()).isTrue();
            } finally {
                member.close();
                member.leave();
            }
        }
    }

    private static int storedKvno(String info) {
        Matcher m = Pattern.compile("Key version:\\s+(\\d+)").matcher(info);
        assertThat(m.find()).as(info).isTrue();
        return Integer.parseInt(m.group(1));
    }
}
