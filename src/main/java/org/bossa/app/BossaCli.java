package org.bossa.app;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The top-level command; subcommands are added as they land. */
@Command(name = "bossa", mixinStandardHelpOptions = true, version = "bossa 0.1.0",
        description = "Active Directory domain member and SMB 3.1.1 file server")
public final class BossaCli implements Runnable {

    @Override
    public void run() {
        CommandLine.usage(this, System.out);
    }

    static int run(String[] args) {
        return new CommandLine(new BossaCli()).execute(args);
    }
}
