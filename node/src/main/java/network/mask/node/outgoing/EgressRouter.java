package network.mask.node.outgoing;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelOption;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.util.AttributeKey;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.ScheduledFuture;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import network.mask.node.noiselink.NoiseLinks;
import network.mask.node.metrics.Drop;
import network.mask.node.metrics.MixMetrics;
import network.mask.node.net.NettyTransport;
import network.mask.node.sphinx.NodeAddress;
import network.mask.node.sphinx.PacketSize;
import network.mask.node.topology.RoutingFilter;
import network.mask.node.wire.KeyRotation;

/** Sends packets to their next hops: one {@link PeerLink} per destination, created on demand. */
public final class EgressRouter implements NextHopSender {

    static final AttributeKey<PeerLink> LINK = AttributeKey.valueOf("mask.peerLink");

    /** Totals over all links, for gauges. */
    static final class Counters {
        final AtomicInteger queued = new AtomicInteger();
        final AtomicInteger connected = new AtomicInteger();
    }

    private final EgressSettings settings;
    private final MixMetrics metrics;
    /** Forward only to known nodes (null: no topology, e.g. in tests that forward anywhere allowed). */
    private final RoutingFilter routing;
    private final Bootstrap bootstrap;
    private final NoiseLinks noise;
    private final ConcurrentHashMap<InetSocketAddress, PeerLink> links = new ConcurrentHashMap<>();
    private final Counters counters = new Counters();
    private final ScheduledFuture<?> idleSweep;
    private final EgressBudget budget;
    private final ScheduledFuture<?> expirySweep;
    private volatile boolean closing;

    public EgressRouter(NettyTransport transport, EgressSettings settings, MixMetrics metrics) {
        this(transport, settings, unlimited(), metrics, null);
    }

    public EgressRouter(NettyTransport transport, EgressSettings settings, MixMetrics metrics, RoutingFilter routing) {
        this(transport, settings, unlimited(), metrics, routing);
    }

    public EgressRouter(NettyTransport transport, EgressSettings settings, EgressBudget budget, MixMetrics metrics) {
        this(transport, settings, budget, metrics, null);
    }

    /**
     * @param budget bytes and age that packets waiting for next hops may take (docs/memory-budget.md)
     * @param routing which next hops are known nodes (topology), or null to judge by {@code settings.policy()} alone
     */
    public EgressRouter(NettyTransport transport, EgressSettings settings, EgressBudget budget, MixMetrics metrics,
            RoutingFilter routing) {
        this(transport, settings, budget, metrics, routing, null);
    }

    /** @param noise which next hops get Noise links, and the handlers for them; null = plain TCP to every next hop */
    public EgressRouter(NettyTransport transport, EgressSettings settings, EgressBudget budget, MixMetrics metrics,
            RoutingFilter routing, NoiseLinks noise) {
        this.noise = noise;
        this.settings = settings;
        this.metrics = metrics;
        this.budget = budget;
        this.routing = routing;
        this.bootstrap = new Bootstrap()
                .group(transport.group())
                .channel(transport.clientChannel())
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.SO_KEEPALIVE, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) settings.connectTimeout().toMillis())
                // Netty's own buffer stays small (its bytes count in the budget until written); the queue is the real bound.
                .option(ChannelOption.WRITE_BUFFER_WATER_MARK, new WriteBufferWaterMark(32 * 1024, 64 * 1024))
                .handler(new OutboundHandler());
        long idle = settings.idleClose().toNanos();
        this.idleSweep = transport.group().scheduleAtFixedRate(() -> sweepIdle(idle),
                Math.max(1, idle / 2), Math.max(1, idle / 2), TimeUnit.NANOSECONDS);
        long expiryEvery = Math.max(TimeUnit.MILLISECONDS.toNanos(100), Math.min(TimeUnit.SECONDS.toNanos(1), budget.maxAgeNanos() / 2));
        this.expirySweep = transport.group().scheduleAtFixedRate(this::expireOld, expiryEvery, expiryEvery, TimeUnit.NANOSECONDS);
        metrics.gauge(MixMetrics.Gauge.EGRESS_QUEUE, counters.queued::get);
        metrics.gauge(MixMetrics.Gauge.OUTBOUND_CONNECTIONS, counters.connected::get);
    }

    @Override
    public void send(NodeAddress nextHop, PacketSize size, KeyRotation rotation, byte[] packet) {
        send(nextHop, new PeerLink.Outbound(size, rotation, packet));
    }

    @Override
    public void sendOutfox(NodeAddress nextHop, int sizeTag, byte[] packet) {
        send(nextHop, PeerLink.Outbound.outfox(sizeTag, packet));
    }

    private void send(NodeAddress nextHop, PeerLink.Outbound out) {
        InetSocketAddress address = nextHop.socketAddress();
        if (!settings.policy().allows(address)) {
            metrics.drop(Drop.FORBIDDEN_NEXT_HOP);
            return;
        }
        if (routing != null) {
            RoutingFilter.Verdict verdict = routing.check(address.getAddress());
            if (verdict != RoutingFilter.Verdict.ALLOW) {
                metrics.drop(verdict == RoutingFilter.Verdict.UNKNOWN ? Drop.UNKNOWN_NEXT_HOP : Drop.FORBIDDEN_NEXT_HOP);
                return;
            }
        }
        if (closing) {
            metrics.drop(Drop.SHUTDOWN);
            return;
        }
        for (int attempt = 0; attempt < 3; attempt++) {
            PeerLink link = links.get(address);
            if (link == null) {
                if (links.size() >= settings.maxPeers()) {
                    metrics.drop(Drop.EGRESS_TOO_MANY_PEERS);
                    return;
                }
                link = links.computeIfAbsent(address, a -> new PeerLink(a, bootstrap, settings, metrics, counters, budget, noise));
            }
            PeerLink.Queued queued = link.enqueue(out);
            if (queued == PeerLink.Queued.QUEUED) return;
            if (queued == PeerLink.Queued.BUDGET_FULL) {
                // All links hold the budget: the one holding most (an unreachable or slow hop) gives up its oldest.
                if (!shedFromLargest()) {
                    metrics.drop(Drop.EGRESS_BYTES_FULL);
                    return;
                }
                continue;
            }
            links.remove(address, link);   // retired while we looked it up
        }
        metrics.drop(Drop.EGRESS_BYTES_FULL);   // the budget stayed full, or links kept retiring under us
    }

    /**
     * Drops the oldest queued packets of the failing link holding the most bytes (a next hop that
     * refuses or never answers), or of the largest link if none is failing; enough for an
     * extended packet. False if no link has anything queued.
     */
    private boolean shedFromLargest() {
        PeerLink largest = null, largestFailing = null;
        long most = 0, mostFailing = 0;
        for (PeerLink link : links.values()) {
            long b = link.bytes();
            if (b > most) {
                most = b;
                largest = link;
            }
            if (b > mostFailing && link.failing()) {
                mostFailing = b;
                largestFailing = link;
            }
        }
        PeerLink victim = largestFailing != null ? largestFailing : largest;
        if (victim == null) return false;
        boolean shed = false;
        for (int i = 0; i < 16 && victim.shedOldest(); i++) shed = true;
        return shed;
    }

    private void expireOld() {
        long now = System.nanoTime();
        for (PeerLink link : links.values()) link.expire(now);
    }

    /** Bytes held for next hops now (queued and in sockets' buffers). */
    public long heldBytes() {
        return budget.used();
    }

    private void sweepIdle(long idleNanos) {
        long now = System.nanoTime();
        links.forEach((address, link) -> {
            if (link.retireIfIdle(now, idleNanos)) links.remove(address, link);
        });
    }

    /** Packets queued for next hops, over all links. */
    public int queued() {
        return counters.queued.get();
    }

    public int connectedPeers() {
        return counters.connected.get();
    }

    /**
     * Sends what is queued until {@code deadlineNanos}, then drops the rest (counted as shutdown)
     * and closes every connection once its buffered bytes are written. Returns the dropped count.
     */
    public int shutdown(long deadlineNanos) throws InterruptedException {
        closing = true;
        idleSweep.cancel(false);
        expirySweep.cancel(false);
        links.values().forEach(PeerLink::beginClose);
        while (counters.queued.get() > 0 && System.nanoTime() - deadlineNanos < 0) {
            Thread.sleep(5);
        }
        int dropped = counters.queued.get();
        List<ChannelFuture> closes = new ArrayList<>();
        for (PeerLink link : links.values()) {
            ChannelFuture f = link.finishClose();
            if (f != null) closes.add(f);
        }
        for (ChannelFuture f : closes) {
            long left = Math.max(0, deadlineNanos - System.nanoTime());
            f.channel().closeFuture().await(TimeUnit.NANOSECONDS.toMillis(left) + 50);
        }
        links.clear();
        return dropped;
    }

    /** Outbound connections only write; anything a peer sends back is discarded. */
    @ChannelHandler.Sharable
    private static final class OutboundHandler extends ChannelInboundHandlerAdapter {
        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            ReferenceCountUtil.release(msg);
        }

        @Override
        public void channelWritabilityChanged(ChannelHandlerContext ctx) {
            PeerLink link = ctx.channel().attr(LINK).get();
            if (link != null && ctx.channel().isWritable()) link.writable();
            ctx.fireChannelWritabilityChanged();
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            ctx.close();   // onClosed schedules the reconnect
        }
    }


    /** No byte or age bound: for tests and tools that bound nothing themselves. */
    private static EgressBudget unlimited() {
        return new EgressBudget(Long.MAX_VALUE / 4, Long.MAX_VALUE / 4, java.time.Duration.ofDays(1));
    }
}
