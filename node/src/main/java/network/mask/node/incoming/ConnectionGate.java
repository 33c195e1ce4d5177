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
import network.mask.node.net.SourceNetwork;

/**
 * Refuses connections beyond the total, per-network and per-address limits, before anything is
 * read. The per-network limit (IPv4 /24, IPv6 /64 by default) keeps one owner of many addresses
 * from taking every slot (redteam D7).
 */
@ChannelHandler.Sharable
final class ConnectionGate extends ChannelInboundHandlerAdapter {

    private record Source(InetAddress address, SourceNetwork.Key network) {}

    private static final AttributeKey<Source> COUNTED = AttributeKey.valueOf("mask.counted");

    private final int maxTotal;
    private final int maxPerAddress;
    private final int maxPerNetwork;
    private final SourceNetwork networks;
    private final MixMetrics metrics;
    private final AtomicInteger total = new AtomicInteger();
    private final ConcurrentHashMap<InetAddress, AtomicInteger> perAddress = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<SourceNetwork.Key, AtomicInteger> perNetwork = new ConcurrentHashMap<>();

    ConnectionGate(int maxTotal, int maxPerAddress, int maxPerNetwork, SourceNetwork networks, MixMetrics metrics) {
        this.maxTotal = maxTotal;
        this.maxPerAddress = maxPerAddress;
        this.maxPerNetwork = maxPerNetwork;
        this.networks = networks;
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
        Source source = new Source(peer, networks.of(peer));
        if (increment(perNetwork, source.network()) > maxPerNetwork) {
            decrement(perNetwork, source.network());
            total.decrementAndGet();
            metrics.event(Event.INBOUND_REJECTED_PER_NETWORK_LIMIT);
            ctx.close();
            return;
        }
        if (increment(perAddress, peer) > maxPerAddress) {
            decrement(perAddress, peer);
            decrement(perNetwork, source.network());
            total.decrementAndGet();
            metrics.event(Event.INBOUND_REJECTED_PER_IP_LIMIT);
            ctx.close();
            return;
        }
        ctx.channel().attr(COUNTED).set(source);
        metrics.event(Event.INBOUND_ACCEPTED);
        super.channelActive(ctx);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        Source source = ctx.channel().attr(COUNTED).getAndSet(null);
        if (source != null) {
            decrement(perAddress, source.address());
            decrement(perNetwork, source.network());
            total.decrementAndGet();
        }
        super.channelInactive(ctx);
    }

    private static <K> int increment(ConcurrentHashMap<K, AtomicInteger> counts, K key) {
        // compute() runs atomically per key, so the returned count is this connection's own
        return counts.compute(key, (k, c) -> {
            AtomicInteger n = c == null ? new AtomicInteger() : c;
            n.incrementAndGet();
            return n;
        }).get();
    }

    private static <K> void decrement(ConcurrentHashMap<K, AtomicInteger> counts, K key) {
        counts.computeIfPresent(key, (k, c) -> c.decrementAndGet() <= 0 ? null : c);
    }

    int open() {
        return total.get();
    }
}
