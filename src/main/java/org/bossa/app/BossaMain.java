package org.bossa.app;

/** Entry point: picocli subcommands (serve, user ...). */
public final class BossaMain {
    private BossaMain() {
    }

    public static void main(String[] args) {
        System.exit(BossaCli.run(args));
    }
}
