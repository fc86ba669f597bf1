package org.bossa.smb2.server;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.ServerSocketChannel;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The listening side: Netty event loops only frame bytes and write replies; every request runs on a
 * virtual thread owned by its {@link Connection}.
 */
public final class SmbServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SmbServer.class);

    /**
     * Replies queued for a client beyond this stop the connection's reading and processing until
     * they drain below the low mark: a client that does not read cannot make the server buffer
     * more than about one reply past the high mark.
     */
    private static final WriteBufferWaterMark WATER_MARK = new WriteBufferWaterMark(1024 * 1024, 4 * 1024 * 1024);

    private final ServerContext context;
    private final OpenIdAllocator openIds = new OpenIdAllocator();
    private final ConnectionLimiter limiter;
    private final FailedLogonThrottle logonThrottle;
    private final List<Channel> listeners = new ArrayList<>();
    private EventLoopGroup boss;
    private EventLoopGroup workers;

    public SmbServer(ServerContext context) {
        this.context = context;
        this.limiter = new ConnectionLimiter(context.config().limits());
        this.logonThrottle = new FailedLogonThrottle(context.config().limits());
    }

    /** Binds every configured address; throws the first bind failure (after releasing what was bound). */
    public void start(List<String> addresses, int port) throws java.io.IOException {
        boolean epoll = Epoll.isAvailable();
        var factory = epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory();
        boss = new MultiThreadIoEventLoopGroup(1, factory);
        workers = new MultiThreadIoEventLoopGroup(Math.max(1, Runtime.getRuntime().availableProcessors()), factory);
        Class<? extends ServerSocketChannel> channelType =
                epoll ? EpollServerSocketChannel.class : NioServerSocketChannel.class;
        ServerBootstrap b = new ServerBootstrap()
                .group(boss, workers)
                .channel(channelType)
                .option(ChannelOption.SO_BACKLOG, 256)
                .option(ChannelOption.SO_REUSEADDR, true)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childOption(ChannelOption.SO_KEEPALIVE, true)
                .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK, WATER_MARK)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        String address = ch.remoteAddress() == null ? "?" : ch.remoteAddress().getAddress().getHostAddress();
                        if (!limiter.admit(address)) {
                            ch.close(); // over a connection limit: refused at accept, nothing read
                            return;
                        }
                        ch.closeFuture().addListener(f -> limiter.release(address));
                        Connection conn = new Connection(context, ch, openIds, logonThrottle);
                        ch.pipeline().addLast("frame", new FrameDecoder(conn::maxFrameSize));
                        ch.pipeline().addLast("conn", new ConnectionBridge(conn));
                    }
                });
        try {
            for (String address : addresses) {
                Channel ch = b.bind(new InetSocketAddress(address, port)).sync().channel();
                listeners.add(ch);
                LOG.info("listening on {}:{} ({})", address, port, epoll ? "epoll" : "nio");
            }
        } catch (Exception e) {
            close();
            if (e instanceof java.io.IOException io) {
                throw io;
            }
            throw new java.io.IOException(e.getMessage(), e);
        }
    }

    /** Connections open now (tests of the connection limits). */
    public int connectionCount() {
        return limiter.total();
    }

    /** The port actually bound (for tests that ask for port 0). */
    public int boundPort() {
        return ((InetSocketAddress) listeners.getFirst().localAddress()).getPort();
    }

    @Override
    public void close() {
        for (Channel ch : listeners) {
            ch.close().syncUninterruptibly();
        }
        listeners.clear();
        if (boss != null) {
            boss.shutdownGracefully(0, 2, java.util.concurrent.TimeUnit.SECONDS).syncUninterruptibly();
            workers.shutdownGracefully(0, 2, java.util.concurrent.TimeUnit.SECONDS).syncUninterruptibly();
            boss = null;
        }
        context.close();
    }
}
