package network.mask.node.incoming;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.AdaptiveRecvByteBufAllocator;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;
import network.mask.node.metrics.MixMetrics;
import network.mask.node.net.NettyTransport;
import network.mask.node.noiselink.NoiseLinks;
import network.mask.node.worker.IngressQueue;

/** The mix port: accepts peers, frames their streams, and feeds the crypto workers. */
public final class MixListener {

    private static final System.Logger LOG = System.getLogger(MixListener.class.getName());
    /** The idle timer's name in the pipeline: removed by {@link FrameDecoder} after the first whole frame. */
    static final String IDLE_HANDLER = "idle";

    /** Largest single read from a peer; see docs/memory-budget.md. */
    public static final int MAX_READ_BYTES = 8 * 1024;

    private final NettyTransport transport;
    private final ListenerSettings settings;
    private final IngressQueue queue;
    private final MixMetrics metrics;
    private final FirstFrameWitness witness;
    private final NoiseLinks noise;
    private final ChannelGroup children = new DefaultChannelGroup("mix-inbound", GlobalEventExecutor.INSTANCE);
    private volatile Channel server;

    public MixListener(NettyTransport transport, ListenerSettings settings, IngressQueue queue, MixMetrics metrics) {
        this(transport, settings, queue, metrics, FirstFrameWitness.NONE, null);
    }

    /**
     * @param witness told of each connection's first valid frame, with the peer's address
     * @param noise which peers speak Noise, and the handlers for them; null = plain TCP with every peer
     */
    public MixListener(NettyTransport transport, ListenerSettings settings, IngressQueue queue, MixMetrics metrics,
                       FirstFrameWitness witness, NoiseLinks noise) {
        this.noise = noise;
        this.transport = transport;
        this.settings = settings;
        this.queue = queue;
        this.metrics = metrics;
        this.witness = witness;
    }

    /** Binds the port and returns the bound address. */
    public InetSocketAddress bind() throws InterruptedException {
        ConnectionGate gate = new ConnectionGate(settings.maxConnections(), settings.maxPerAddress(),
                settings.maxPerNetwork(), settings.sourceNetwork(), metrics);
        long idleNanos = settings.idleTimeout().toNanos();
        long frameNanos = settings.frameTimeout().toNanos();
        ServerBootstrap b = new ServerBootstrap()
                .group(transport.group())
                .channel(transport.serverChannel())
                .option(ChannelOption.SO_BACKLOG, 256)
                .option(ChannelOption.SO_REUSEADDR, true)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childOption(ChannelOption.SO_KEEPALIVE, true)
                // Reads of at most 8 KiB: what a connection can hold is one partial frame plus one read (memory budget).
                .childOption(ChannelOption.RECVBUF_ALLOCATOR, new AdaptiveRecvByteBufAllocator(512, 2048, MAX_READ_BYTES))
                .childHandler(new ChannelInitializer<>() {
                    @Override
                    protected void initChannel(Channel ch) {
                        children.add(ch);
                        ch.pipeline().addLast("gate", gate)
                                .addLast(IDLE_HANDLER, new IdleStateHandler(idleNanos, 0, 0, TimeUnit.NANOSECONDS));
                        // Noise exactly when the connecting IP belongs to a node announcing a key (nym-node's rule).
                        InetSocketAddress peer = (InetSocketAddress) ch.remoteAddress();
                        if (noise != null && peer != null && noise.expectsNoiseFrom(peer.getAddress())) {
                            ch.pipeline().addLast("noise", noise.responder());
                        }
                        ch.pipeline().addLast("frames", new FrameDecoder(metrics, settings.maxFrameBytes(), frameNanos, witness))
                                .addLast("ingress", new IngressHandler(queue, metrics));
                    }
                });
        try {
            server = b.bind(settings.bindHost(), settings.port()).sync().channel();
        } catch (Exception e) {
            if (!settings.bindHost().equals("::")) throw e;
            // No IPv6 on this host: listen on IPv4 only, and say so.
            LOG.log(System.Logger.Level.WARNING, "cannot listen on [::]:{0} ({1}); trying 0.0.0.0", String.valueOf(settings.port()), e.getMessage());
            server = b.bind("0.0.0.0", settings.port()).sync().channel();
        }
        InetSocketAddress bound = (InetSocketAddress) server.localAddress();
        LOG.log(System.Logger.Level.INFO, "mix listener on {0} ({1})", bound, transport.isNative() ? "epoll" : "nio");
        return bound;
    }

    public InetSocketAddress address() {
        Channel s = server;
        return s == null ? null : (InetSocketAddress) s.localAddress();
    }

    /** Stops accepting and closes every peer connection. */
    public void stopAccepting() {
        Channel s = server;
        if (s != null) s.close().awaitUninterruptibly(2000);
        children.close().awaitUninterruptibly(2000);
    }

    public boolean isListening() {
        Channel s = server;
        return s != null && s.isActive();
    }
}
