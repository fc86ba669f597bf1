package org.bossa.identity.winbind;

import java.io.EOFException;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import org.bossa.identity.IdentityService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves winbindd's socket protocol on Unix domain sockets, so Samba's own clients (libnss_winbind,
 * wbinfo, pam_winbind, ntlm_auth) talk to Bossa unchanged: the public socket {@code <dir>/pipe} (0666,
 * in a 0755 directory) and the privileged one {@code <privilegedDir>/pipe} (in a 0750 directory, so
 * only root reaches it), which alone answers challenge-response authentication.
 *
 * <p>Each client connection gets a virtual thread and keeps its connection for many requests. A
 * request that breaks the framing (wrong length, extra data over {@link WinbindRequest#MAX_EXTRA})
 * closes that connection; the server goes on. At most {@code maxClients} connections are served at once;
 * further ones are closed on accept (winbindd's clients reconnect and retry).
 */
public final class WinbindServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(WinbindServer.class);
    public static final Path DEFAULT_DIR = Path.of("/run/samba/winbindd");
    public static final Path DEFAULT_PRIVILEGED_DIR = Path.of("/var/lib/samba/winbindd_privileged");
    public static final String SOCKET_NAME = "pipe";
    /** winbindd's default "winbind max clients". */
    public static final int DEFAULT_MAX_CLIENTS = 200;

    /** Where the server is in its life. */
    public enum State { NEW, RUNNING, STOPPED }

    private final IdentityService ids;
    private final Path dir;
    private final Path privilegedDir;
    private final Semaphore clients;
    private final int maxClients;
    private final Set<SocketChannel> open = ConcurrentHashMap.newKeySet();
    private final List<ServerSocketChannel> listeners = new ArrayList<>();
    private final List<Thread> acceptors = new ArrayList<>();
    private volatile State state = State.NEW;

    public WinbindServer(IdentityService ids, Path dir, Path privilegedDir, int maxClients) {
        this.ids = Objects.requireNonNull(ids);
        this.dir = Objects.requireNonNull(dir);
        this.privilegedDir = Objects.requireNonNull(privilegedDir);
        if (maxClients < 1) {
            throw new IllegalArgumentException("maxClients must be positive: " + maxClients);
        }
        this.maxClients = maxClients;
        this.clients = new Semaphore(maxClients);
    }

    public WinbindServer(IdentityService ids) {
        this(ids, DEFAULT_DIR, DEFAULT_PRIVILEGED_DIR, DEFAULT_MAX_CLIENTS);
    }

    public State state() {
        return state;
    }

    /** The public socket's path. */
    public Path socket() {
        return dir.resolve(SOCKET_NAME);
    }

    /** The privileged socket's path. */
    public Path privilegedSocket() {
        return privilegedDir.resolve(SOCKET_NAME);
    }

    /** Creates the directories and sockets and starts accepting. */
    public synchronized void start() throws IOException {
        if (state != State.NEW) {
            throw new IllegalStateException("server is " + state);
        }
        WinbindHandler handler = new WinbindHandler(ids, privilegedDir.toString());
        ServerSocketChannel pub = listen(dir, "rwxr-xr-x");
        ServerSocketChannel priv;
        try {
            priv = listen(privilegedDir, "rwxr-x---");
        } catch (IOException e) {
            pub.close();
            throw e;
        }
        state = State.RUNNING;
        acceptors.add(Thread.ofVirtual().name("winbind-accept").start(() -> acceptLoop(pub, handler, false)));
        acceptors.add(Thread.ofVirtual().name("winbind-accept-priv").start(() -> acceptLoop(priv, handler, true)));
        LOG.info("winbind protocol served on {} and {}", socket(), privilegedSocket());
    }

    private ServerSocketChannel listen(Path directory, String dirMode) throws IOException {
        Files.createDirectories(directory);
        // clients refuse a socket whose directory is not owned by root (or by themselves under uid_wrapper)
        Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString(dirMode));
        Path path = directory.resolve(SOCKET_NAME);
        if (Files.exists(path)) {
            // a live winbindd (Samba's, or another Bossa) keeps its socket; only a stale one, left
            // by a process that died, is replaced (bind would fail on it)
            boolean live;
            try (SocketChannel probe = SocketChannel.open(UnixDomainSocketAddress.of(path))) {
                live = true;
            } catch (IOException noAnswer) {
                live = false;
            }
            if (live) {
                throw new IOException("another winbind service answers on " + path);
            }
            Files.deleteIfExists(path);
        }
        ServerSocketChannel ch = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        try {
            ch.bind(UnixDomainSocketAddress.of(path), maxClients);
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-rw-rw-"));
        } catch (IOException e) {
            ch.close();
            throw e;
        }
        listeners.add(ch);
        return ch;
    }

    private void acceptLoop(ServerSocketChannel listener, WinbindHandler handler, boolean privileged) {
        while (state == State.RUNNING) {
            SocketChannel client;
            try {
                client = listener.accept();
            } catch (ClosedChannelException stopped) {
                return;
            } catch (IOException e) {
                LOG.warn("winbind accept failed: {}", e.getMessage());
                continue;
            }
            if (!clients.tryAcquire()) {
                LOG.warn("winbind: {} clients already connected; refusing one", maxClients);
                closeQuietly(client);
                continue;
            }
            open.add(client);
            Thread.ofVirtual().name(privileged ? "winbind-priv-client" : "winbind-client").start(() -> {
                try {
                    serve(client, handler, new ClientSession(privileged));
                } finally {
                    open.remove(client);
                    closeQuietly(client);
                    clients.release();
                }
            });
        }
    }

    /** Answers requests on one connection until the client closes it or breaks the framing. */
    private static void serve(SocketChannel ch, WinbindHandler handler, ClientSession session) {
        byte[] fixed = new byte[WinbindRequest.SIZE];
        try {
            while (true) {
                if (!readFully(ch, fixed, true)) {
                    return; // the client closed between requests
                }
                WinbindRequest req;
                byte[] extra = new byte[0];
                try {
                    int extraLen = WinbindRequest.extraLength(fixed);
                    extra = new byte[extraLen];
                    readFully(ch, extra, false);
                    req = WinbindRequest.decode(fixed, extra);
                } catch (WinbindFormatException e) {
                    // the stream can no longer be framed: answer once, then drop the connection as winbindd does
                    LOG.debug("winbind: malformed request, closing the connection: {}", e.getMessage());
                    writeFully(ch, WinbindResponse.error().encode());
                    return;
                } finally {
                    Arrays.fill(fixed, (byte) 0);
                    Arrays.fill(extra, (byte) 0);
                }
                WinbindResponse resp;
                try {
                    resp = handler.handle(req, session);
                } finally {
                    req.wipe();
                }
                writeFully(ch, resp.encode());
            }
        } catch (IOException e) {
            LOG.debug("winbind client gone: {}", e.getMessage());
        }
    }

    /** Fills {@code b}; false if the stream ended before its first byte and {@code eofOk}. */
    private static boolean readFully(SocketChannel ch, byte[] b, boolean eofOk) throws IOException {
        ByteBuffer buf = ByteBuffer.wrap(b);
        while (buf.hasRemaining()) {
            if (ch.read(buf) < 0) {
                if (eofOk && buf.position() == 0) {
                    return false;
                }
                throw new EOFException("connection closed inside a request");
            }
        }
        return true;
    }

    private static void writeFully(SocketChannel ch, byte[] b) throws IOException {
        ByteBuffer buf = ByteBuffer.wrap(b);
        while (buf.hasRemaining()) {
            ch.write(buf);
        }
    }

    private static void closeQuietly(SocketChannel c) {
        try {
            c.close();
        } catch (IOException ignored) {
            // closing a socket the peer already dropped
        }
    }

    /** Stops accepting, closes every connection and removes the socket files. */
    public synchronized void stop() {
        if (state != State.RUNNING) {
            state = State.STOPPED;
            return;
        }
        state = State.STOPPED;
        for (ServerSocketChannel l : listeners) {
            try {
                l.close();
            } catch (IOException e) {
                LOG.debug("closing winbind listener: {}", e.getMessage());
            }
        }
        open.forEach(WinbindServer::closeQuietly);
        for (Thread t : acceptors) {
            try {
                t.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        for (Path p : List.of(socket(), privilegedSocket())) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException e) {
                LOG.debug("removing {}: {}", p, e.getMessage());
            }
        }
    }

    @Override
    public void close() {
        stop();
    }
}
