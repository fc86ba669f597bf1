package org.bossa.smb2.server;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.bossa.auth.AuthenticatedUser;
import org.bossa.auth.SecurityContextFactory;
import org.bossa.auth.Token;
import org.bossa.dcerpc.PipeRegistry;
import org.bossa.identity.CachingNameResolver;
import org.bossa.identity.HostGroups;
import org.bossa.identity.NameResolver;
import org.bossa.identity.ScopedNameResolver;
import org.bossa.locking.ShareModeTable;
import org.bossa.vfs.ShareRoot;

/**
 * What every connection shares: configuration, the authentication mechanism, share roots, named
 * pipes and the server-wide open-file tables.
 */
public final class ServerContext implements AutoCloseable {

    /** Maps an authenticated user to the token its requests run as; empty refuses the logon. */
    @FunctionalInterface
    public interface TokenSource {
        Optional<Token> tokenFor(AuthenticatedUser user);
    }

    private final ServerConfig config;
    private final SecurityContextFactory auth;
    private final TokenSource tokens;
    private final PipeRegistry pipes;
    private final NameResolver names;
    private final Map<String, ShareConfig> shares = new LinkedHashMap<>();
    private final Map<String, ShareRoot> roots = new LinkedHashMap<>();
    private final ShareModeTable shareModes = new ShareModeTable();
    private final SessionTable sessions = new SessionTable();

    /** A standalone server: group entries of valid-users resolve against the host's groups only. */
    public ServerContext(ServerConfig config, SecurityContextFactory auth, TokenSource tokens, PipeRegistry pipes) {
        this(config, auth, tokens, pipes,
                new CachingNameResolver(ScopedNameResolver.standalone(config.netbiosName(), HostGroups.system())));
    }

    /** @param names resolves the group names of the shares' valid-users at TREE_CONNECT */
    public ServerContext(ServerConfig config, SecurityContextFactory auth, TokenSource tokens, PipeRegistry pipes,
            NameResolver names) {
        this.config = config;
        this.auth = auth;
        this.tokens = tokens;
        this.pipes = pipes;
        this.names = Objects.requireNonNull(names, "names");
        for (ShareConfig s : config.shares()) {
            shares.put(s.key(), s);
            roots.put(s.key(), ShareRoot.open(s.path()));
        }
    }

    public ServerConfig config() {
        return config;
    }

    public SecurityContextFactory auth() {
        return auth;
    }

    public TokenSource tokens() {
        return tokens;
    }

    public PipeRegistry pipes() {
        return pipes;
    }

    public NameResolver names() {
        return names;
    }

    public ShareConfig share(String name) {
        return shares.get(name.toLowerCase(java.util.Locale.ROOT));
    }

    public ShareRoot root(ShareConfig share) {
        return roots.get(share.key());
    }

    public ShareModeTable shareModes() {
        return shareModes;
    }

    public SessionTable sessions() {
        return sessions;
    }

    @Override
    public void close() {
        for (ShareRoot r : roots.values()) {
            r.close();
        }
        roots.clear();
    }
}
