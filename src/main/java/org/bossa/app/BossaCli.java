package org.bossa.app;

import org.bossa.app.cli.UserCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The top-level command: {@code bossa serve | user ...}. */
@Command(name = "bossa", mixinStandardHelpOptions = true, version = "bossa 0.1.0",
        description = "Active Directory domain member and SMB 3.1.1 file server",
        subcommands = {ServeCommand.class, UserCommand.class, org.bossa.app.cli.JoinCommand.class,
            org.bossa.app.cli.LeaveCommand.class, org.bossa.app.cli.TestJoinCommand.class,
            org.bossa.app.cli.InfoCommand.class, org.bossa.app.cli.ChangeTrustPwCommand.class,
            org.bossa.app.cli.IdmapCommand.class})
public final class BossaCli implements Runnable {

    @Override
    public void run() {
        CommandLine.usage(this, System.out);
    }

    static int run(String[] args) {
        return new CommandLine(new BossaCli()).execute(args);
    }
}
