package org.bossa.smb2.server;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
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

    private final ServerContext context;
    private final List<Channel> listeners = new ArrayList<>();
    private EventLoopGroup boss;
    private EventLoopGroup workers;

    public SmbServer(ServerContext context) {
        this.context = context;
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
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        Connection conn = new Connection(context, ch);
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
