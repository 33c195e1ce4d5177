package network.mask.node.net;

import io.netty.channel.Channel;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The event loops and socket channel types for the mix transport: native epoll where Netty's
 * native library loads (Linux x86_64 and aarch64), plain NIO elsewhere.
 */
public final class NettyTransport implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(NettyTransport.class.getName());

    private final EventLoopGroup group;
    private final boolean nativeEpoll;

    private NettyTransport(EventLoopGroup group, boolean nativeEpoll) {
        this.group = group;
        this.nativeEpoll = nativeEpoll;
    }

    /** I/O threads only move bytes (the crypto runs on workers), so few are needed. */
    public static int defaultIoThreads() {
        return Math.max(1, Runtime.getRuntime().availableProcessors() / 2);
    }

    public static NettyTransport create(int ioThreads, String threadName, boolean allowNative) {
        boolean epoll = allowNative && Epoll.isAvailable();
        IoHandlerFactory factory = epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory();
        if (!epoll && allowNative) {
            LOG.log(System.Logger.Level.INFO, "native epoll unavailable ({0}); using NIO", Epoll.unavailabilityCause());
        }
        return new NettyTransport(new MultiThreadIoEventLoopGroup(ioThreads, new DefaultThreadFactory(threadName, true), factory), epoll);
    }

    public EventLoopGroup group() { return group; }

    public boolean isNative() { return nativeEpoll; }

    public Class<? extends ServerChannel> serverChannel() {
        return nativeEpoll ? EpollServerSocketChannel.class : NioServerSocketChannel.class;
    }

    public Class<? extends Channel> clientChannel() {
        return nativeEpoll ? EpollSocketChannel.class : NioSocketChannel.class;
    }

    /** Stops the event loops, waiting at most {@code timeout}. */
    public void shutdown(Duration timeout) {
        group.shutdownGracefully(0, timeout.toMillis(), TimeUnit.MILLISECONDS).awaitUninterruptibly(timeout.toMillis() + 1000);
    }

    @Override
    public void close() {
        shutdown(Duration.ofSeconds(2));
    }
}
