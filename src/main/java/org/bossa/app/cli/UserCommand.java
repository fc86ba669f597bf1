package org.bossa.app.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.function.Supplier;
import org.bossa.auth.ntlm.NtHash;
import org.bossa.store.IdRange;
import org.bossa.store.LocalUser;
import org.bossa.store.StateStore;
import org.bossa.store.StateStoreException;
import org.bossa.store.embedded.EmbeddedStateStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * {@code bossa user}: the local users the server authenticates itself, kept in the state store.
 * Exit codes: 0 done, 1 refused (one line on standard error), 2 bad usage.
 */
@Command(name = "user",
        description = "Manage local SMB users (not domain users).",
        subcommands = {UserCommand.Add.class, UserCommand.Del.class, UserCommand.ListUsers.class,
            UserCommand.Passwd.class})
public final class UserCommand implements Callable<Integer> {

    /** The primary group of local users that have no /etc/passwd account: "bossa users". */
    public static final long BOSSA_USERS_GID = 70_000;

    @Spec
    CommandSpec spec;

    @Option(names = "--state-dir", paramLabel = "DIR", scope = ScopeType.INHERIT,
            description = "State directory (default: $BOSSA_STATE_DIR, else state in the working directory).")
    Path stateDirOption;

    @Option(names = {"-h", "--help"}, usageHelp = true, scope = ScopeType.INHERIT, description = "Show this help.")
    boolean help;

    private final Supplier<Path> defaultStateDir;
    private final Function<Path, StateStore> opener;
    private final Path passwdFile;

    /** State directory from {@code --state-dir}, else {@link StateDirs#fromEnvironment()}. */
    public UserCommand() {
        this(StateDirs::fromEnvironment);
    }

    /** @param defaultStateDir the state directory when {@code --state-dir} is not given */
    public UserCommand(Supplier<Path> defaultStateDir) {
        this(defaultStateDir, EmbeddedStateStore::open, PasswdFile.SYSTEM);
    }

    UserCommand(Supplier<Path> defaultStateDir, Function<Path, StateStore> opener, Path passwdFile) {
        this.defaultStateDir = Objects.requireNonNull(defaultStateDir);
        this.opener = Objects.requireNonNull(opener);
        this.passwdFile = Objects.requireNonNull(passwdFile);
    }

    /** The state directory: {@code --state-dir} if given, else the default this command was made with. */
    Path stateDir() {
        return stateDirOption != null ? stateDirOption : defaultStateDir.get();
    }

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return 2;
    }

    /** What every subcommand does around its work: open the store, turn refusals into exit code 1. */
    abstract static class Subcommand implements Callable<Integer> {
        @ParentCommand
        UserCommand parent;

        @Spec
        CommandSpec spec;

        abstract int run(StateStore store, PrintWriter out);

        @Override
        public final Integer call() {
            try (StateStore store = parent.opener.apply(parent.stateDir())) {
                int rc = run(store, spec.commandLine().getOut());
                spec.commandLine().getOut().flush();
                return rc;
            } catch (CliException | StateStoreException | IllegalArgumentException e) {
                PrintWriter err = spec.commandLine().getErr();
                err.println("bossa user " + spec.name() + ": " + oneLine(e.getMessage()));
                err.flush();
                return 1;
            }
        }

        static String oneLine(String message) {
            return message == null ? "failed" : message.replaceAll("[\\r\\n]+", " ");
        }
    }

    @Command(name = "add", description = "Add a local user and set its password.")
    static final class Add extends Subcommand {
        @Parameters(index = "0", paramLabel = "NAME", description = "User name.")
        String name;

        @Option(names = "--uid", paramLabel = "N",
                description = "POSIX uid (default: the /etc/passwd account's, else allocated from 70000-79999).")
        Long uid;

        @Option(names = "--gid", paramLabel = "N",
                description = "POSIX primary gid (default: the /etc/passwd account's, else 70000).")
        Long gid;

        @Option(names = "--password-stdin", description = "Read the password as one line from standard input.")
        boolean passwordStdin;

        @Override
        int run(StateStore store, PrintWriter out) {
            LocalUser.validateName(name);
            if (uid != null) {
                LocalUser.validatePosixId("uid", uid);
            }
            if (gid != null) {
                LocalUser.validatePosixId("gid", gid);
            }
            if (store.findUser(name).isPresent()) {
                throw new CliException("user " + name + " already exists");
            }
            PasswdFile passwd = PasswdFile.read(parent.passwdFile);
            var account = passwd.lookup(name);
            String password = PasswordInput.readNew(name, passwordStdin);
            byte[] hash = NtHash.of(password);
            List<LocalUser> existing = store.listUsers();
            long newUid = uid != null ? uid
                    : account.isPresent() ? account.get().uid()
                    : IdRange.LOCAL_USER_UID.allocate(store,
                            id -> passwd.hasUid(id) || existing.stream().anyMatch(u -> u.uid() == id));
            long newGid = gid != null ? gid : account.isPresent() ? account.get().gid() : BOSSA_USERS_GID;
            int rid = (int) IdRange.LOCAL_USER_RID.allocate(store,
                    id -> existing.stream().anyMatch(u -> u.rid() == id));
            try {
                store.putUser(new LocalUser(name, hash, rid, newUid, newGid, true, Instant.now()));
            } finally {
                Arrays.fill(hash, (byte) 0);
            }
            out.println("added user " + name + " (RID " + rid + ", uid " + newUid + ", gid " + newGid + ")");
            return 0;
        }
    }

    @Command(name = "del", description = "Delete a local user.")
    static final class Del extends Subcommand {
        @Parameters(index = "0", paramLabel = "NAME", description = "User name.")
        String name;

        @Override
        int run(StateStore store, PrintWriter out) {
            LocalUser.validateName(name);
            if (!store.deleteUser(name)) {
                throw new CliException("no such user: " + name);
            }
            out.println("deleted user " + name);
            return 0;
        }
    }

    @Command(name = "passwd", description = "Set a local user's password.")
    static final class Passwd extends Subcommand {
        @Parameters(index = "0", paramLabel = "NAME", description = "User name.")
        String name;

        @Option(names = "--password-stdin", description = "Read the password as one line from standard input.")
        boolean passwordStdin;

        @Override
        int run(StateStore store, PrintWriter out) {
            LocalUser.validateName(name);
            LocalUser user = store.findUser(name).orElseThrow(() -> new CliException("no such user: " + name));
            byte[] hash = NtHash.of(PasswordInput.readNew(user.name(), passwordStdin));
            try {
                store.putUser(user.withNtHash(hash, Instant.now()));
            } finally {
                Arrays.fill(hash, (byte) 0);
            }
            out.println("password changed for user " + user.name());
            return 0;
        }
    }

    @Command(name = "list", description = "List local users.")
    static final class ListUsers extends Subcommand {
        private static final List<String> HEADER = List.of("NAME", "RID", "UID", "GID", "ENABLED", "PASSWORD SET");

        @Override
        int run(StateStore store, PrintWriter out) {
            List<List<String>> rows = new ArrayList<>();
            rows.add(HEADER);
            for (LocalUser u : store.listUsers()) {
                rows.add(List.of(u.name(), Integer.toUnsignedString(u.rid()), Long.toString(u.uid()),
                        Long.toString(u.gid()), u.enabled() ? "yes" : "no",
                        u.passwordLastSet().truncatedTo(ChronoUnit.SECONDS).toString()));
            }
            Table.print(rows, out);
            return 0;
        }
    }
}
