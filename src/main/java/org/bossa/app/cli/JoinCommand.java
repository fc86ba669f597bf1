package org.bossa.app.cli;

import java.time.Clock;
import java.util.Optional;
import org.bossa.domain.DomainJoin;
import org.bossa.domain.DomainMembership;
import org.bossa.domain.DomainSettings;
import org.bossa.domain.LiveDomainConnector;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code bossa join}: joins this server to an Active Directory domain. */
@Command(name = "join", description = "Join an Active Directory domain (creates the computer account, keytab and secrets).")
public final class JoinCommand extends DomainCommand {
    @Option(names = {"-U", "--user"}, required = true, paramLabel = "ADMIN",
            description = "Account allowed to create the computer object: user, user@REALM or DOMAIN\\user.")
    String admin;

    @Option(names = "--password-stdin", description = "Read the administrator's password as one line from standard input.")
    boolean passwordStdin;

    @Option(names = "--ou", paramLabel = "DN", description = "Create the account in this OU (e.g. OU=Servers); default: the Computers container.")
    String ou;

    @Option(names = "--force", description = "Take over an existing computer account of the same name (resets its password).")
    boolean force;

    @Override
    int run(Context ctx) {
        DomainSettings settings = ctx.settings(); // a bad setting is named before the password is asked for
        char[] password = PasswordInput.readExisting("Password for " + admin + ": ", passwordStdin);
        try {
            DomainJoin.Result r = new DomainJoin(new LiveDomainConnector(), ctx.memberships(), Clock.systemUTC())
                    .join(settings, admin, password, Optional.ofNullable(ou), force);
            DomainMembership m = r.membership();
            ctx.out().printf("Joined %s to %s (%s, %s) %s%n", m.computer().samAccountName(), m.realm(),
                    m.netbiosDomain(), m.domainSid(), r.tookOver() ? "taking over the existing account" : "");
            ctx.out().printf("  account  %s%n  DC       %s%s%n  keytab   %s (kvno %d)%n  took     %d ms%n",
                    m.computerDn(), r.dc().hostName(), r.dc().dcSite().isEmpty() ? "" : " (site " + r.dc().dcSite() + ")",
                    m.keytab(), m.kvno(), r.elapsed().toMillis());
            return 0;
        } finally {
            java.util.Arrays.fill(password, '\0');
        }
    }
}
