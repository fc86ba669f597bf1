package org.bossa.app.cli;

import java.time.Clock;
import org.bossa.domain.DomainMembership;
import org.bossa.domain.LiveDomainConnector;
import org.bossa.domain.TrustPasswordChange;
import picocli.CommandLine.Command;

/** {@code bossa changetrustpw}: a new machine password, set with the machine's own credentials. */
@Command(name = "changetrustpw", description = "Change the machine account password now and rewrite the keytab (previous keys kept).")
public final class ChangeTrustPwCommand extends DomainCommand {
    @Override
    int run(Context ctx) {
        DomainMembership before = ctx.requireJoined();
        DomainMembership after = new TrustPasswordChange(new LiveDomainConnector(), ctx.memberships(),
                Clock.systemUTC()).change(ctx.settings(), before);
        ctx.out().printf("Changed the password of %s at %s: kvno %d -> %d; keytab %s keeps kvno %d%n",
                after.computer().samAccountName(), after.dcHostName(), before.kvno(), after.kvno(), after.keytab(),
                before.kvno());
        return 0;
    }
}
