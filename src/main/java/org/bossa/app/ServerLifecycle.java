package org.bossa.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.bossa.auth.SecurityContextFactory;
import org.bossa.auth.Token;
import org.bossa.identity.CachingNameResolver;
import org.bossa.identity.HostGroups;
import org.bossa.identity.NameResolver;
import org.bossa.identity.ScopedNameResolver;
import org.bossa.smb2.server.EncryptionPolicy;
import org.bossa.smb2.server.ServerConfig;
import org.bossa.smb2.server.ServerContext;
import org.bossa.smb2.server.ShareAdmission;
import org.bossa.smb2.server.ShareConfig;
import org.bossa.smb2.server.SmbServer;
import org.bossa.smb2.wire.Dialect;
import org.bossa.store.LocalUser;
import org.bossa.store.StateStore;
import org.bossa.store.embedded.EmbeddedStateStore;
import org.bossa.vfs.FsIdentity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/** Builds the server from the validated properties, starts it with the context, stops it with it. */
@Component
public class ServerLifecycle implements SmartLifecycle {
    private static final Logger LOG = LoggerFactory.getLogger(ServerLifecycle.class);
    private static final HostGroups HOST_GROUPS = HostGroups.system();
    private static final String SERVER_GUID_KEY = "smb/server-guid";

    private final BossaProperties props;
    private StateStore store;
    private SmbServer server;
    private Optional<MemberWiring> member = Optional.empty();

    public ServerLifecycle(BossaProperties props) {
        this.props = props;
    }

    @Override
    public void start() {
        announceIdentitySwitching();
        store = EmbeddedStateStore.open(props.getStateDir());
        member = MemberWiring.of(props, store);
        if (member.isEmpty() && !props.getAuth().isNtlm()) {
            throw new IllegalStateException("bossa.auth.ntlm=false leaves a standalone server no way to log users on: "
                    + "Kerberos needs the domain membership (bossa join)");
        }
        String netbios = netbiosName(member.map(m -> m.netbiosName(props.getNetbiosName())).orElse(props.getNetbiosName()));
        ServerConfig config = serverConfig(netbios);
        boolean anonymous = props.getSmb().isAllowAnonymous();
        SecurityContextFactory auth = member.map(m -> m.auth(store, netbios, anonymous))
                .orElseGet(() -> AuthWiring.localNtlm(store, netbios, props.getWorkgroup(), anonymous));
        NameResolver names = new CachingNameResolver(member.map(m -> m.names(netbios))
                .orElseGet(() -> ScopedNameResolver.standalone(netbios, HostGroups.system())));
        ServerContext context = new ServerContext(config, auth, user -> user.identity().isPresent() && member.isPresent()
                ? member.get().tokenFor(user) : tokenFor(user.account(), netbios), PipeWiring.registry(config), names);
        server = new SmbServer(context);
        SmbServerStarter.start(server, props.getSmb().getBind(), props.getSmb().getPort());
        printWelcome(config);
    }

    /**
     * One line on how file calls are made. As root, each session's calls run with its user's
     * credentials in the kernel; a root JVM that cannot pin virtual threads would have to refuse
     * every file call, so it does not start.
     */
    private static void announceIdentitySwitching() {
        switch (FsIdentity.switching()) {
            case ENABLED -> LOG.info("file calls run with each session user's uid, gid and groups in the kernel");
            case NOT_ROOT -> LOG.warn("not running as root: every file call runs as this process's own user, "
                    + "and only Bossa's own checks tell users apart");
            case NO_PINNING -> throw new IllegalStateException("running as root, but the JVM cannot pin virtual "
                    + "threads for per-user file calls: start it with --add-exports java.base/jdk.internal.vm=ALL-UNNAMED "
                    + "(scripts/bossa and the jar's manifest do)");
        }
    }

    /** A local user's token: its ids, and as supplementary groups those /etc/group lists it in (as Samba). */
    private Optional<Token> tokenFor(String account, String netbios) {
        return store.findUser(account).filter(LocalUser::enabled)
                .map(u -> new Token(netbios, u.name(), u.uid(), u.gid(), HOST_GROUPS.memberships(u.name()), false));
    }

    private ServerConfig serverConfig(String netbios) {
        Set<Dialect> dialects = EnumSet.noneOf(Dialect.class);
        for (String d : props.getSmb().getDialects()) {
            dialects.add(Dialect.parse(d));
        }
        List<ShareConfig> shares = new ArrayList<>();
        List<BossaProperties.Share> configured = props.getShares();
        if (configured.isEmpty()) {
            Path defaultPath = Path.of("share").toAbsolutePath();
            ShareConfig def = new ShareConfig("share", defaultPath, false, null, ShareAdmission.EVERYONE, "Bossa default share");
            if (!Files.isDirectory(defaultPath)) {
                // The embedded default is for trying Bossa out: every local user may write, each
                // may delete only their own files (sticky, like /tmp). Configured shares keep the
                // permissions their administrator gave them.
                ensureDirectory(def);
                // java.nio cannot set the sticky bit, hence chmod.
                try {
                    int rc = new ProcessBuilder("chmod", "1777", defaultPath.toString()).inheritIO().start().waitFor();
                    if (rc != 0) {
                        throw new IllegalStateException("chmod 1777 " + defaultPath + " failed (exit " + rc + ")");
                    }
                } catch (IOException | InterruptedException e) {
                    throw new IllegalStateException("cannot set permissions on " + defaultPath + ": " + e.getMessage(), e);
                }
            }
            shares.add(def);
        } else {
            ShareAdmission.Scope scope = new ShareAdmission.Scope(netbios,
                    member.map(m -> m.membership().netbiosDomain()), member.map(m -> m.membership().dnsDomain()));
            for (int i = 0; i < configured.size(); i++) {
                BossaProperties.Share s = configured.get(i);
                shares.add(new ShareConfig(s.getName(), s.getPath().toAbsolutePath(), s.isReadOnly(),
                        s.getEncryption() == null ? null : EncryptionPolicy.valueOf(s.getEncryption().name()),
                        admission(i, s.getValidUsers(), scope), s.getComment()));
            }
        }
        for (ShareConfig s : shares) {
            ensureDirectory(s);
        }
        return new ServerConfig(dialects, props.getSmb().getSigning() == BossaProperties.Signing.REQUIRED,
                EncryptionPolicy.valueOf(props.getSmb().getEncryption().name()), netbios,
                props.getWorkgroup().toUpperCase(Locale.ROOT), props.getSmb().getMaxIoSize(),
                props.getSmb().isAllowAnonymous(), serverGuid(), shares, props.getLimits().toServerLimits());
    }

    /** Parses a share's valid-users; a bad entry stops start-up naming the key, as a validation failure does. */
    static ShareAdmission admission(int index, List<String> validUsers, ShareAdmission.Scope scope) {
        try {
            return ShareAdmission.parse(validUsers, scope);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("bossa.shares[" + index + "].valid-users: " + e.getMessage(), e);
        }
    }

    private static void ensureDirectory(ShareConfig s) {
        try {
            Files.createDirectories(s.path());
        } catch (IOException e) {
            throw new IllegalStateException("bossa.shares: cannot create the directory of share '" + s.name()
                    + "' at " + s.path() + ": " + e.getMessage(), e);
        }
    }

    private byte[] serverGuid() {
        return store.getSecret(SERVER_GUID_KEY).orElseGet(() -> {
            byte[] g = new byte[16];
            new SecureRandom().nextBytes(g);
            store.putSecret(SERVER_GUID_KEY, g);
            return g;
        });
    }

    static String netbiosName(String configured) {
        if (configured != null && !configured.isBlank()) {
            return configured.toUpperCase(Locale.ROOT);
        }
        return HostNames.defaultNetbiosName();
    }

    private void printWelcome(ServerConfig config) {
        StringBuilder sb = new StringBuilder();
        sb.append("\nBossa is serving SMB on port ").append(props.getSmb().getPort()).append(" as ")
                .append(config.netbiosName()).append(" (state: ").append(props.getStateDir().toAbsolutePath()).append(")\n");
        for (ShareConfig s : config.shares()) {
            sb.append("  share [").append(s.name()).append("] -> ").append(s.path()).append(s.readOnly() ? " (read-only)" : "").append('\n');
        }
        member.ifPresent(m -> sb.append("Member of ").append(m.membership().realm()).append(" (")
                .append(m.membership().netbiosDomain()).append(") as ").append(m.membership().computer().samAccountName())
                .append(": domain users log on as ").append(m.membership().netbiosDomain()).append("\\user\n"));
        if (member.isEmpty() && store.listUsers().isEmpty()) {
            sb.append("No users yet. Add one (the password is read from the terminal or standard input):\n")
                    .append("  scripts/bossa user add alice --state-dir ").append(props.getStateDir()).append('\n');
        }
        String share = config.shares().getFirst().name();
        sb.append("Connect:  smbclient //localhost/").append(share).append(" -U alice")
                .append(props.getSmb().getPort() != 445 ? " -p " + props.getSmb().getPort() : "").append('\n');
        System.out.println(sb);
    }

    @Override
    public void stop() {
        if (server != null) {
            server.close();
            server = null;
        }
        member.ifPresent(MemberWiring::close);
        member = Optional.empty();
        if (store != null) {
            store.close();
            store = null;
        }
    }

    @Override
    public boolean isRunning() {
        return server != null;
    }
}
