package org.bossa.smb2.server;

import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.util.concurrent.ScheduledFuture;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.bossa.smb2.crypto.CipherId;
import org.bossa.smb2.crypto.SigningAlgorithm;
import org.bossa.smb2.wire.Dialect;
import org.bossa.smb2.wire.NegotiateResponse;
import org.bossa.text.LogSafe;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One client transport connection (MS-SMB2 3.3.1.7). Frames are processed in arrival order by one
 * virtual thread at a time (started on demand, so an idle connection holds no thread); a request
 * that must wait (a blocking lock) goes async and frees the worker.
 *
 * <p>Everything that changes the connection's sessions and opens runs on that worker, in order:
 * requests, the expiry of an unfinished authentication, and the teardown after the peer went away.
 * So teardown sees every open a request created, even one still running when the socket closed,
 * and removes and releases each exactly once.
 *
 * <p>Backpressure: the socket is not read while the worker has too many frames (or bytes) queued,
 * nor while replies are not draining (the channel is unwritable); and the worker does not start the
 * next request until the channel is writable again. A client that never reads makes the server
 * hold at most one request's reply beyond the write-buffer high-water mark.
 */
public final class Connection {
    private static final Logger LOG = LoggerFactory.getLogger(Connection.class);
    private static final LimitLog FIRST_SESSION_LOG = new LimitLog("bossa.limits.first-session-timeout");
    private static final LimitLog IDLE_LOG = new LimitLog("bossa.limits.sessionless-idle-timeout");
    private static final LimitLog AUTH_LOG = new LimitLog("bossa.limits.auth-timeout");
    private static final int PAUSE_READ_FRAMES = 64;
    private static final int RESUME_READ_FRAMES = 8;
    private static final long PAUSE_READ_BYTES = 32L * 1024 * 1024;
    private static final long RESUME_READ_BYTES = 8L * 1024 * 1024;

    public enum State { AWAITING_NEGOTIATE, NEGOTIATED, CLOSED }

    private final ServerContext server;
    private final Channel channel;
    private final FrameProcessor processor;
    private final OpenIdAllocator openIds;
    private final FailedLogonThrottle logonThrottle;
    private final ServerLimits limits;
    // byte[] frames and Runnable worker tasks, in arrival order.
    private final Queue<Object> inbox = new ConcurrentLinkedQueue<>();
    private final AtomicInteger queuedFrames = new AtomicInteger();
    private final AtomicLong queuedBytes = new AtomicLong();
    private final AtomicBoolean running = new AtomicBoolean();
    private volatile boolean readPaused;
    private final ReentrantLock writability = new ReentrantLock();
    private final Condition writable = writability.newCondition();
    private final Map<Long, Session> sessions = new ConcurrentHashMap<>();
    private final Map<Long, Long> authStartedNanos = new ConcurrentHashMap<>();
    private final OpenTable opens = new OpenTable();
    final CreditWindow credits = new CreditWindow();
    final AsyncTable async = new AsyncTable();
    private final long acceptedNanos = System.nanoTime();
    private volatile long lastFrameNanos = acceptedNanos;
    private volatile boolean hadValidSession;
    private boolean tornDown; // worker only
    private ScheduledFuture<?> timer;

    private volatile State state = State.AWAITING_NEGOTIATE;
    // Negotiated parameters (MS-SMB2 3.3.1.7), written once by NEGOTIATE on the worker thread.
    Dialect dialect;
    int clientCapabilities;
    int clientSecurityMode;
    byte[] clientGuid = new byte[16];
    int[] clientDialects = new int[0];
    int serverSecurityMode;
    int serverCapabilities;
    byte[] preauthHash;
    CipherId cipher;
    SigningAlgorithm signingAlgorithm;

    Connection(ServerContext server, Channel channel, OpenIdAllocator openIds, FailedLogonThrottle logonThrottle) {
        this.server = server;
        this.channel = channel;
        this.openIds = openIds;
        this.logonThrottle = logonThrottle;
        this.limits = server.config().limits();
        this.processor = new FrameProcessor(this);
    }

    public ServerContext server() {
        return server;
    }

    public State state() {
        return state;
    }

    void state(State s) {
        state = s;
    }

    public Dialect dialect() {
        return dialect;
    }

    ServerLimits limits() {
        return limits;
    }

    public String clientAddress() {
        return channel.remoteAddress() instanceof InetSocketAddress a ? a.getAddress().getHostAddress() : "?";
    }

    public String localAddress() {
        return channel.localAddress() instanceof InetSocketAddress a ? a.getAddress().getHostAddress() : "?";
    }

    /** Frames bigger than this are refused by the decoder before allocation. */
    int maxFrameSize() {
        return state == State.AWAITING_NEGOTIATE ? ServerConfig.MAX_PRE_NEGOTIATE_FRAME
                : server.config().maxFrameSize();
    }

    // ---------------------------------------------------------------- event loop side

    /** Called on the event loop once the channel is active: starts the timeout checks. */
    void started() {
        long period = Math.clamp(Math.min(limits.authTimeout().toMillis(),
                Math.min(limits.firstSessionTimeout().toMillis(), limits.sessionlessIdleTimeout().toMillis())) / 4,
                50, 5000);
        timer = channel.eventLoop().scheduleAtFixedRate(this::checkTimeouts, period, period, TimeUnit.MILLISECONDS);
    }

    /** Called on the event loop with one whole frame. */
    void receive(byte[] frame) {
        lastFrameNanos = System.nanoTime();
        inbox.add(frame);
        queuedFrames.incrementAndGet();
        queuedBytes.addAndGet(frame.length);
        updateAutoRead();
        startWorker();
    }

    /** Called on the event loop when the channel's outbound buffer crosses a water mark. */
    void writabilityChanged() {
        updateAutoRead();
        signalWritability();
    }

    /** Called on the event loop when the channel closed: the worker tears down, after any running request. */
    void closed() {
        if (timer != null) {
            timer.cancel(false);
        }
        signalWritability();
        runOnWorker(this::teardown);
    }

    /**
     * Pauses or resumes reading from the socket. Runs on the event loop only, so the decisions of
     * the reader and the worker never race one another.
     */
    private void updateAutoRead() {
        boolean pause = queuedFrames.get() >= PAUSE_READ_FRAMES || queuedBytes.get() >= PAUSE_READ_BYTES
                || !channel.isWritable();
        boolean resume = queuedFrames.get() <= RESUME_READ_FRAMES && queuedBytes.get() <= RESUME_READ_BYTES
                && channel.isWritable();
        if (pause && !readPaused) {
            readPaused = true;
            channel.config().setAutoRead(false);
        } else if (resume && readPaused) {
            readPaused = false;
            channel.config().setAutoRead(true);
        }
    }

    private void checkTimeouts() {
        if (!channel.isActive()) {
            return;
        }
        long now = System.nanoTime();
        if (!hadValidSession && now - acceptedNanos > limits.firstSessionTimeout().toNanos()) {
            FIRST_SESSION_LOG.refused(clientAddress(), "no session within " + limits.firstSessionTimeout());
            channel.close();
            return;
        }
        if (hadValidSession && sessions.isEmpty() && now - lastFrameNanos > limits.sessionlessIdleTimeout().toNanos()) {
            IDLE_LOG.refused(clientAddress(), "idle without a session for " + limits.sessionlessIdleTimeout());
            channel.close();
            return;
        }
        long authLimit = limits.authTimeout().toNanos();
        for (Map.Entry<Long, Long> e : authStartedNanos.entrySet()) {
            if (now - e.getValue() > authLimit) {
                long id = e.getKey();
                runOnWorker(() -> expireUnfinishedAuthentication(id));
            }
        }
    }

    // ---------------------------------------------------------------- worker side

    /** Queues {@code task} to run on the request worker, after every frame received before it. */
    void runOnWorker(Runnable task) {
        inbox.add(task);
        startWorker();
    }

    private void startWorker() {
        if (running.compareAndSet(false, true)) {
            Thread.ofVirtual().name("smb-conn").start(this::drain);
        }
    }

    private void drain() {
        while (true) {
            Object item;
            while ((item = inbox.poll()) != null) {
                if (item instanceof byte[] frame) {
                    dequeued(frame.length);
                    if (state != State.CLOSED && awaitWritable()) {
                        guarded(() -> processor.process(frame));
                    }
                } else {
                    guarded((Runnable) item);
                }
            }
            running.set(false);
            if (inbox.isEmpty() || !running.compareAndSet(false, true)) {
                return;
            }
        }
    }

    private void dequeued(int length) {
        int frames = queuedFrames.decrementAndGet();
        long bytes = queuedBytes.addAndGet(-length);
        if (readPaused && frames <= RESUME_READ_FRAMES && bytes <= RESUME_READ_BYTES) {
            channel.eventLoop().execute(this::updateAutoRead);
        }
    }

    /**
     * Runs one request or task. Any throwable ends the connection rather than the worker: the
     * worker is the only thread that may tear the connection down, so it must survive. Errors are
     * not rethrown: on a virtual thread nobody would catch them, and the connection's resources are
     * freed by its teardown (a VirtualMachineError is logged as such; the JVM's own
     * -XX:+ExitOnOutOfMemoryError, where set, still applies).
     */
    private void guarded(Runnable work) {
        try {
            work.run();
        } catch (ConnectionFault f) {
            LOG.info("dropping connection from {}: {}", clientAddress(), LogSafe.quote(f.getMessage()));
            fail();
        } catch (VirtualMachineError e) {
            LOG.error("dropping connection from {} after {}", clientAddress(), e.toString());
            fail();
        } catch (Throwable e) {
            LOG.warn("dropping connection from {} after an internal error", clientAddress(), e);
            fail();
        }
    }

    private void fail() {
        state = State.CLOSED;
        channel.close(); // channelInactive queues the teardown behind this request
    }

    /** Waits until replies drain below the low-water mark; false when the channel closed meanwhile. */
    private boolean awaitWritable() {
        if (channel.isWritable()) {
            return channel.isActive();
        }
        writability.lock();
        try {
            while (channel.isActive() && !channel.isWritable()) {
                writable.await(1, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            writability.unlock();
        }
        return channel.isActive();
    }

    private void signalWritability() {
        writability.lock();
        try {
            writable.signalAll();
        } finally {
            writability.unlock();
        }
    }

    /**
     * The peer went away: pending async requests end, then every open is removed and released
     * (exactly once: {@link Opens#close} does nothing for an open already removed), then sessions
     * expire. Runs once, on the worker, after every request received before the close.
     */
    private void teardown() {
        if (tornDown) {
            return;
        }
        tornDown = true;
        state = State.CLOSED;
        async.cancelAll();
        for (Open o : opens.inOpeningOrder()) {
            try {
                Opens.close(this, o);
            } catch (RuntimeException e) {
                LOG.debug("releasing {} on disconnect: {}", LogSafe.quote(o.path()), LogSafe.quote(e.toString()));
            }
        }
        for (Session s : sessions.values()) {
            s.state(Session.State.EXPIRED);
            server.sessions().remove(s.id());
        }
        sessions.clear();
        authStartedNanos.clear();
    }

    /** An authentication left unfinished past the limit: its session (and its NEGOTIATE) go. */
    private void expireUnfinishedAuthentication(long sessionId) {
        if (authStartedNanos.remove(sessionId) == null) {
            return;
        }
        Session s = sessions.get(sessionId);
        if (s != null && s.state() == Session.State.IN_PROGRESS) {
            AUTH_LOG.refused(clientAddress(), "authentication not finished within " + limits.authTimeout());
            s.state(Session.State.EXPIRED);
            sessions.remove(sessionId);
            server.sessions().remove(sessionId);
        }
    }

    /** SESSION_SETUP started an authentication on {@code s}: the auth timeout starts now. */
    void authenticationStarted(Session s) {
        authStartedNanos.putIfAbsent(s.id(), System.nanoTime());
    }

    /** SESSION_SETUP finished or abandoned the authentication on {@code s}. */
    void authenticationEnded(Session s, boolean valid) {
        authStartedNanos.remove(s.id());
        if (valid) {
            hadValidSession = true;
        }
    }

    /** Writes one transport frame (the 4-byte Direct TCP header is added here). */
    void send(byte[] msg, int len) {
        if (!channel.isActive()) {
            return;
        }
        byte[] head = {0, (byte) (len >>> 16), (byte) (len >>> 8), (byte) len};
        channel.writeAndFlush(Unpooled.wrappedBuffer(Unpooled.wrappedBuffer(head), Unpooled.wrappedBuffer(msg, 0, len)));
    }

    /**
     * Sends {@code send}'s reply after the failed-logon delay, without holding the worker; closes
     * the connection when the client address already has too many delayed replies waiting.
     */
    void sendAfterFailedLogon(Runnable send) {
        if (!logonThrottle.enabled()) {
            send.run();
        } else if (!logonThrottle.delay(clientAddress(), channel.eventLoop(), send)) {
            fail();
        }
    }

    void close() {
        channel.close();
    }

    Map<Long, Session> sessions() {
        return sessions;
    }

    public OpenTable opens() {
        return opens;
    }

    /** Ids for a new open, unique across the server. */
    OpenId newOpenId() {
        return openIds.next();
    }

    public boolean supportsEncryption() {
        if (dialect == null || !dialect.isSmb3()) {
            return false;
        }
        return dialect == Dialect.SMB_3_1_1 ? cipher != null
                : (clientCapabilities & NegotiateResponse.CAP_ENCRYPTION) != 0;
    }
}
