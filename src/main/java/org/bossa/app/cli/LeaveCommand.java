package org.bossa.app.cli;

import org.bossa.domain.DomainLeave;
import org.bossa.domain.DomainMembership;
import org.bossa.domain.DomainSettings;
import org.bossa.domain.LiveDomainConnector;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code bossa leave}: leaves the domain. */
@Command(name = "leave", description = "Leave the domain: delete (or disable) the computer account, the keytab and the secrets.")
public final class LeaveCommand extends DomainCommand {
    @Option(names = {"-U", "--user"}, required = true, paramLabel = "ADMIN",
            description = "Account allowed to delete the computer object.")
    String admin;

    @Option(names = "--password-stdin", description = "Read the administrator's password as one line from standard input.")
    boolean passwordStdin;

    @Option(names = "--keep-account", description = "Disable the computer account instead of deleting it.")
    boolean keepAccount;

    @Override
    int run(Context ctx) {
        DomainMembership m = ctx.requireJoined();
        DomainSettings settings = ctx.settings(); // a bad setting is named before the password is asked for
        char[] password = PasswordInput.readExisting("Password for " + admin + ": ", passwordStdin);
        try {
            DomainLeave.Outcome outcome = new DomainLeave(new LiveDomainConnector(), ctx.memberships())
                    .leave(settings, m, admin, password, keepAccount);
            String what = switch (outcome) {
                case DELETED -> "deleted the computer account " + m.computerDn();
                case DISABLED -> "disabled the computer account " + m.computerDn();
                case ALREADY_GONE -> "the computer account " + m.computer().samAccountName() + " was already gone";
            };
            ctx.out().printf("Left %s: %s; removed %s and the stored secrets%n", m.realm(), what, m.keytab());
            return 0;
        } finally {
            java.util.Arrays.fill(password, '\0');
        }
    }
}
