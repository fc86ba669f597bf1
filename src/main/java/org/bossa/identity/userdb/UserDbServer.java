package org.bossa.identity.userdb;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.bossa.identity.IdentityService;
import org.bossa.text.LogSafe;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * systemd's userdb varlink service for the joined domain's users and groups, the counterpart of
 * Samba 4.23's {@code winbind varlink service}: nss-systemd, {@code userdbctl} and
 * {@code systemd-userdbd}'s multiplexer find it as a socket in /run/systemd/userdb/ and call
 * {@code io.systemd.UserDatabase} on it. Every answer comes from the {@link IdentityService}.
 *
 * <p>One virtual thread accepts, one per connection serves, one closes idle connections. Beyond
 * {@link UserDbConfig#maxConnections()} a connection is accepted and closed at once, so a flood
 * of clients costs the server nothing but the accept.
 */
public final class UserDbServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(UserDbServer.class);
    private static final int S_IFMT = 0170000;
    private static final int S_IFSOCK = 0140000;

    /** Where the server is in its life; it is not restartable. */
    public enum State { NEW, RUNNING, STOPPED }

    private final UserDbConfig config;
    private final IdentityService identity;
    private final UserDbMethods methods;
    private final Set<VarlinkConnection> connections = ConcurrentHashMap.newKeySet();
    private volatile State state = State.NEW;
    private ServerSocketChannel server;
    private Thread acceptor;
    private Thread sweeper;

    public UserDbServer(UserDbConfig config, IdentityService identity) {
        this.config = config;
        this.identity = identity;
        this.methods = new UserDbMethods(identity, config.serviceName(), config.enumerationLimit());
    }

    public State state() {
        return state;
    }

    /** The socket path (as configured). */
    public Path socketPath() {
        return config.socketPath();
    }

    /** Connections being served now. */
    public int connectionCount() {
        return connections.size();
    }

    /**
     * Creates the socket (and its directory, as Samba does for containers), replacing a stale
     * socket left by an earlier run, and starts serving.
     *
     * @throws IOException the socket cannot be created, or a non-socket file is in its place
     */
    public synchronized void start() throws IOException {
        if (state != State.NEW) {
            throw new IllegalStateException("userdb server is " + state);
        }
        Path path = config.socketPath();
        Path dir = path.toAbsolutePath().getParent();
        if (dir != null) {
            Files.createDirectories(dir);
        }
        removeStaleSocket(path);
        ServerSocketChannel ch = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        try {
            ch.bind(UnixDomainSocketAddress.of(path));
            // every process resolves users through nss-systemd, so every user must be able to connect
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-rw-rw-"));
        } catch (IOException | RuntimeException e) {
            ch.close();
            throw e;
        }
        server = ch;
        state = State.RUNNING;
        warnAboutSeparator();
        acceptor = Thread.ofVirtual().name("userdb-accept").start(this::acceptLoop);
        sweeper = Thread.ofVirtual().name("userdb-idle").start(this::sweepLoop);
        log.info("userdb service {} listening on {}", LogSafe.quote(config.serviceName()),
                LogSafe.quote(path.toString()));
    }

    /** Stops accepting, closes every connection and removes the socket. Idempotent. */
    public synchronized void stop() {
        if (state != State.RUNNING) {
            state = State.STOPPED;
            return;
        }
        state = State.STOPPED;
        try {
            server.close();
        } catch (IOException e) {
            log.debug("closing the userdb socket: {}", e.toString());
        }
        sweeper.interrupt();
        for (VarlinkConnection c : connections) {
            c.close();
        }
        try {
            acceptor.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            Files.deleteIfExists(config.socketPath());
        } catch (IOException e) {
            log.warn("could not remove {}: {}", LogSafe.quote(config.socketPath().toString()), e.toString());
        }
    }

    @Override
    public void close() {
        stop();
    }

    private void acceptLoop() {
        while (state == State.RUNNING) {
            SocketChannel ch;
            try {
                ch = server.accept();
            } catch (ClosedChannelException e) {
                return; // stop() closed the socket
            } catch (IOException e) {
                if (state != State.RUNNING) {
                    return;
                }
                log.warn("userdb accept failed: {}", e.toString());
                continue;
            }
            // only this thread adds, so size-then-add cannot overshoot the limit
            if (connections.size() >= config.maxConnections()) {
                log.debug("userdb connection refused: {} connections open", connections.size());
                closeQuietly(ch);
                continue;
            }
            VarlinkConnection c = new VarlinkConnection(ch, methods, config.maxMessageBytes());
            connections.add(c);
            Thread.ofVirtual().name("userdb-conn").start(() -> {
                try {
                    c.run();
                } finally {
                    connections.remove(c);
                }
            });
        }
    }

    private void sweepLoop() {
        long idle = config.idleTimeout().toNanos();
        long period = Math.max(config.idleTimeout().toMillis() / 4, 50);
        while (state == State.RUNNING) {
            try {
                Thread.sleep(period);
            } catch (InterruptedException e) {
                return;
            }
            long now = System.nanoTime();
            for (VarlinkConnection c : connections) {
                if (now - c.lastActivity() > idle) {
                    log.debug("userdb connection idle for {}, closing", config.idleTimeout());
                    c.close();
                }
            }
        }
    }

    private void warnAboutSeparator() {
        try {
            if (identity.domain().separator() == '\\') {
                // Samba's documentation for "winbind varlink service" carries the same warning
                log.info("userdb: the name separator is '\\'; upstream systemd before 253 rejects it in user and"
                        + " group names (some distribution builds of 252, e.g. Debian 12's, accept it)."
                        + " If nss-systemd/userdbctl do not show domain accounts, set the separator to '+'.");
            }
        } catch (RuntimeException e) {
            log.debug("userdb: domain information not available yet: {}", e.toString());
        }
    }

    private static void removeStaleSocket(Path path) throws IOException {
        if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        Object mode = Files.getAttribute(path, "unix:mode", LinkOption.NOFOLLOW_LINKS);
        if (!(mode instanceof Integer m) || (m & S_IFMT) != S_IFSOCK) {
            throw new IOException("not a socket, refusing to replace: " + path);
        }
        Files.delete(path);
    }

    private static void closeQuietly(SocketChannel ch) {
        try {
            ch.close();
        } catch (IOException e) {
            log.trace("closing a refused userdb connection: {}", e.toString());
        }
    }
}
