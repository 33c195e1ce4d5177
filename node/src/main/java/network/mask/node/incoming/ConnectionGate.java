package network.mask.node.incoming;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.AttributeKey;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import network.mask.node.metrics.Event;
import network.mask.node.metrics.MixMetrics;

/** Refuses connections beyond the total and per-address limits, before anything is read. */
@ChannelHandler.Sharable
final class ConnectionGate extends ChannelInboundHandlerAdapter {

    private static final AttributeKey<InetAddress> COUNTED = AttributeKey.valueOf("mask.counted");

    private final int maxTotal;
    private final int maxPerAddress;
    private final MixMetrics metrics;
    private final AtomicInteger total = new AtomicInteger();
    private final ConcurrentHashMap<InetAddress, AtomicInteger> perAddress = new ConcurrentHashMap<>();

    ConnectionGate(int maxTotal, int maxPerAddress, MixMetrics metrics) {
        this.maxTotal = maxTotal;
        this.maxPerAddress = maxPerAddress;
        this.metrics = metrics;
        metrics.gauge(MixMetrics.Gauge.INBOUND_CONNECTIONS, total::get);
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) throws Exception {
        InetAddress peer = ((InetSocketAddress) ctx.channel().remoteAddress()).getAddress();
        if (total.incrementAndGet() > maxTotal) {
            total.decrementAndGet();
            metrics.event(Event.INBOUND_REJECTED_TOTAL_LIMIT);
            ctx.close();
            return;
        }
        AtomicInteger count = perAddress.compute(peer, (a, c) -> {
            AtomicInteger n = c == null ? new AtomicInteger() : c;
            n.incrementAndGet();
            return n;
        });
        if (count.get() > maxPerAddress) {
            release(peer);
            total.decrementAndGet();
            metrics.event(Event.INBOUND_REJECTED_PER_IP_LIMIT);
            ctx.close();
            return;
        }
        ctx.channel().attr(COUNTED).set(peer);
        metrics.event(Event.INBOUND_ACCEPTED);
        super.channelActive(ctx);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        InetAddress peer = ctx.channel().attr(COUNTED).getAndSet(null);
        if (peer != null) {
            release(peer);
            total.decrementAndGet();
        }
        super.channelInactive(ctx);
    }

    private void release(InetAddress peer) {
        perAddress.computeIfPresent(peer, (a, c) -> c.decrementAndGet() <= 0 ? null : c);
    }

    int open() {
        return total.get();
    }
}
