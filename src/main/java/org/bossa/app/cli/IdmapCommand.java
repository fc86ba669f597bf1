package org.bossa.app.cli;

import java.util.Optional;
import java.util.OptionalLong;
import org.bossa.app.IdmapWiring;
import org.bossa.domain.DomainMembership;
import org.bossa.dtyp.Sid;
import org.bossa.idmap.IdMapConfig;
import org.bossa.idmap.IdMapConfigException;
import org.bossa.idmap.IdMapRouter;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code bossa idmap}: what the server's SID to uid/gid mapping says, from the same settings and
 * state store as {@code serve} (Samba's {@code wbinfo -S/-Y/-U/-G} and {@code net idmap}). A SID of
 * an allocating range gets its id on first ask, as on a running server.
 */
@Command(name = "idmap", description = "Show the SID to uid/gid mapping.",
        subcommands = {IdmapCommand.Ranges.class, IdmapCommand.SidToId.class, IdmapCommand.IdToSid.class})
public final class IdmapCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getErr());
    }

    private static IdMapRouter router(DomainCommand.Context ctx) {
        DomainMembership m = ctx.requireJoined();
        return IdmapWiring.router(ctx.props(), ctx.store(), m, name -> Optional.empty());
    }

    /** {@code bossa idmap ranges}: every configured range, checked as serve checks them. */
    @Command(name = "ranges", description = "List the idmap ranges and backends (and check them).")
    static final class Ranges extends DomainCommand {
        @Override
        int run(Context ctx) {
            IdMapConfig config;
            try {
                config = IdMapConfig.of(IdmapWiring.settings(ctx.props(), ctx.requireJoined()));
            } catch (IdMapConfigException e) {
                throw new IllegalStateException("invalid idmap settings: " + String.join("; ", e.problems()), e);
            }
            ctx.out().printf("%-12s %-8s %s%n", "DOMAIN", "BACKEND", "RANGE");
            for (IdMapConfig.Domain d : config.domains()) {
                ctx.out().printf("%-12s %-8s %d-%d%n", d.name(), d.backend().settingValue(), d.range().low(),
                        d.range().high());
            }
            return 0;
        }
    }

    /** {@code bossa idmap sid-to-id SID}: the uid and gid of a SID. */
    @Command(name = "sid-to-id", description = "Show the uid and gid a SID maps to.")
    static final class SidToId extends DomainCommand {
        @Parameters(paramLabel = "SID", description = "e.g. S-1-5-21-1-2-3-1103")
        String sid;

        @Override
        int run(Context ctx) {
            Sid s = Sid.parse(sid);
            IdMapRouter idmap = router(ctx);
            OptionalLong uid = idmap.toUid(s);
            OptionalLong gid = idmap.toGid(s);
            ctx.out().println(s + " uid " + (uid.isPresent() ? uid.getAsLong() : "-") + " gid "
                    + (gid.isPresent() ? gid.getAsLong() : "-"));
            return uid.isPresent() || gid.isPresent() ? 0 : 1;
        }
    }

    /** {@code bossa idmap id-to-sid --uid N | --gid N}: the SID an id stands for. */
    @Command(name = "id-to-sid", description = "Show the SID a uid or gid maps to.")
    static final class IdToSid extends DomainCommand {
        /** The largest uid_t/gid_t; 2^32 - 1 is (uid_t) -1, "no id". */
        private static final long MAX_ID = 0xFFFF_FFFEL;

        static final class Which {
            @Option(names = "--uid", paramLabel = "UID", required = true)
            Long uid;
            @Option(names = "--gid", paramLabel = "GID", required = true)
            Long gid;
        }

        @ArgGroup(exclusive = true, multiplicity = "1")
        Which which;

        @Override
        int run(Context ctx) {
            long id = which.uid != null ? which.uid : which.gid;
            if (id < 0 || id > MAX_ID) {
                throw new IllegalArgumentException("an id is a number from 0 to " + MAX_ID + ", not " + id);
            }
            IdMapRouter idmap = router(ctx);
            Optional<Sid> sid = which.uid != null ? idmap.fromUid(id) : idmap.fromGid(id);
            if (sid.isEmpty()) {
                ctx.out().println("-");
                return 1;
            }
            ctx.out().println(sid.get());
            return 0;
        }
    }
}
