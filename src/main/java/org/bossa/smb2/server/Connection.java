package org.bossa.smb2.server;

import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.bossa.smb2.crypto.CipherId;
import org.bossa.smb2.crypto.SigningAlgorithm;
import org.bossa.smb2.wire.Dialect;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One client transport connection (MS-SMB2 3.3.1.7). Frames are processed in arrival order by one
 * virtual thread at a time (started on demand, so an idle connection holds no thread); a request
 * that must wait (a blocking lock) goes async and frees the worker.
 */
public final class Connection {
    private static final Logger LOG = LoggerFactory.getLogger(Connection.class);
    private static final int PAUSE_READ_AT = 64;
    private static final int RESUME_READ_AT = 8;

    public enum State { AWAITING_NEGOTIATE, NEGOTIATED, CLOSED }

    private final ServerContext server;
    private final Channel channel;
    private final FrameProcessor processor;
    private final Queue<byte[]> inbox = new ConcurrentLinkedQueue<>();
    private final AtomicInteger queued = new AtomicInteger();
    private final AtomicBoolean running = new AtomicBoolean();
    private final Map<Long, Session> sessions = new ConcurrentHashMap<>();
    private final Map<Long, Open> opens = new ConcurrentHashMap<>();
    private final AtomicLong nextOpenId = new AtomicLong(1);
    final CreditWindow credits = new CreditWindow();
    final AsyncTable async = new AsyncTable();

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

    Connection(ServerContext server, Channel channel) {
        this.server = server;
        this.channel = channel;
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

    /** Called on the event loop with one whole frame. */
    void receive(byte[] frame) {
        inbox.add(frame);
        if (queued.incrementAndGet() >= PAUSE_READ_AT) {
            channel.config().setAutoRead(false);
        }
        if (running.compareAndSet(false, true)) {
            Thread.ofVirtual().name("smb-conn").start(this::drain);
        }
    }

    private void drain() {
        while (true) {
            byte[] frame;
            while ((frame = inbox.poll()) != null) {
                if (queued.decrementAndGet() == RESUME_READ_AT) {
                    channel.config().setAutoRead(true);
                }
                if (state == State.CLOSED) {
                    continue;
                }
                try {
                    processor.process(frame);
                } catch (ConnectionFault f) {
                    LOG.info("dropping connection from {}: {}", clientAddress(), f.getMessage());
                    channel.close();
                    state = State.CLOSED;
                } catch (RuntimeException e) {
                    LOG.warn("dropping connection from {} after an internal error", clientAddress(), e);
                    channel.close();
                    state = State.CLOSED;
                }
            }
            running.set(false);
            if (inbox.isEmpty() || !running.compareAndSet(false, true)) {
                return;
            }
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

    void close() {
        channel.close();
    }

    /** The peer went away: release every open, tree and session this connection held. */
    void closed() {
        state = State.CLOSED;
        async.cancelAll();
        for (Open o : opens.values()) {
            Opens.closeQuietly(this, o);
        }
        opens.clear();
        for (Session s : sessions.values()) {
            s.state(Session.State.EXPIRED);
            server.sessions().remove(s.id());
        }
        sessions.clear();
    }

    Map<Long, Session> sessions() {
        return sessions;
    }

    public Map<Long, Open> opens() {
        return opens;
    }

    long newOpenId() {
        return nextOpenId.getAndIncrement();
    }

    public boolean supportsEncryption() {
        if (dialect == null || !dialect.isSmb3()) {
            return false;
        }
        return dialect == Dialect.SMB_3_1_1 ? cipher != null
                : (clientCapabilities & org.bossa.smb2.wire.NegotiateResponse.CAP_ENCRYPTION) != 0;
    }
}
