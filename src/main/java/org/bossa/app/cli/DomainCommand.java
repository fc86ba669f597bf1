package org.bossa.app.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.bossa.app.BossaProperties;
import org.bossa.domain.DomainException;
import org.bossa.domain.DomainMembership;
import org.bossa.domain.DomainSettings;
import org.bossa.domain.MembershipStore;
import org.bossa.store.StateStore;
import org.bossa.store.StateStoreException;
import org.bossa.store.embedded.EmbeddedStateStore;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * What every domain command (join, leave, testjoin, info, changetrustpw) does around its work: read
 * the settings, open the state store, and turn any failure into one line on standard error naming
 * the cause, with exit code 1 (2 for bad usage, from picocli).
 */
abstract class DomainCommand implements Callable<Integer> {
    @Mixin
    DomainOptions options;

    @Spec
    CommandSpec spec;

    /** What the command needs: the store, the resolved settings, the stored membership, output. */
    record Context(StateStore store, MembershipStore memberships, Optional<DomainMembership> joined,
            java.util.function.Supplier<DomainSettings> resolver, Path stateDir, PrintWriter out, BossaProperties props) {
        /** The settings, resolved when first asked for (info and a not-joined check need none). */
        DomainSettings settings() {
            return resolver.get();
        }

        DomainMembership requireJoined() {
            return joined.orElseThrow(() -> new DomainException(DomainException.Cause.NOT_JOINED,
                    "not joined to a domain (no membership in " + stateDir + ")"));
        }
    }

    abstract int run(Context ctx);

    @Override
    public final Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        try {
            BossaProperties props = CliConfig.load();
            Path stateDir = options.stateDir(props);
            try (StateStore store = EmbeddedStateStore.open(stateDir)) {
                MembershipStore memberships = new MembershipStore(store);
                Optional<DomainMembership> joined = memberships.load();
                int rc = run(new Context(store, memberships, joined, () -> options.resolve(props, joined), stateDir,
                        spec.commandLine().getOut(), props));
                spec.commandLine().getOut().flush();
                return rc;
            }
        } catch (DomainException | CliException | StateStoreException | IllegalArgumentException
                | IllegalStateException e) {
            err.println("bossa " + spec.name() + ": " + oneLine(e.getMessage()));
            err.flush();
            return 1;
        }
    }

    static String oneLine(String message) {
        return message == null ? "failed" : message.replaceAll("[\\r\\n]+", " ");
    }
}
