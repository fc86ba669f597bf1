package org.bossa.app.cli;

import java.util.List;
import org.bossa.domain.JoinCheck;
import org.bossa.domain.LiveDomainConnector;
import picocli.CommandLine.Command;

/** {@code bossa testjoin}: proves the machine account works. Exit 0 only if every check passes. */
@Command(name = "testjoin", description = "Check the domain membership: machine logon, LDAP, account, keytab.")
public final class TestJoinCommand extends DomainCommand {
    @Override
    int run(Context ctx) {
        List<JoinCheck.Check> checks = new JoinCheck(new LiveDomainConnector())
                .run(ctx.settings(), ctx.requireJoined());
        boolean ok = true;
        for (JoinCheck.Check c : checks) {
            ctx.out().printf("%-14s %-4s %s%n", c.name(), c.ok() ? "ok" : "FAIL", oneLine(c.detail()));
            ok &= c.ok();
        }
        ctx.out().println(ok ? "Join is OK" : "Join is broken");
        return ok ? 0 : 1;
    }
}
