package network.mask.node.outgoing;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import java.net.InetSocketAddress;
import java.util.ArrayDeque;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import network.mask.node.metrics.Drop;
import network.mask.node.noise.VersionedNoiseKey;
import network.mask.node.noiselink.NoiseLinkHandler;
import network.mask.node.noiselink.NoiseLinks;
import network.mask.node.metrics.Event;
import network.mask.node.metrics.MixMetrics;
import network.mask.node.sphinx.PacketSize;
import network.mask.node.wire.FrameCodec;
import network.mask.node.wire.KeyRotation;

/**
 * The link to one next hop: a bounded queue and at most one TCP connection, opened when the
 * first packet arrives and reopened with backoff after failures. Packets are encoded into
 * frames only when the socket can take them, so the queue bound is the memory bound.
 */
final class PeerLink {

    private enum State { IDLE, CONNECTING, CONNECTED, WAITING, RETIRED }

    /** A packet waiting for this link; {@code outfoxSizeTag} is -1 for Sphinx, else the Outfox frame's size tag. */
    record Outbound(PacketSize size, KeyRotation rotation, byte[] packet, long enqueuedNanos, int outfoxSizeTag) {
        Outbound(PacketSize size, KeyRotation rotation, byte[] packet) {
            this(size, rotation, packet, System.nanoTime(), -1);
        }

        static Outbound outfox(int sizeTag, byte[] packet) {
            return new Outbound(null, KeyRotation.UNKNOWN, packet, System.nanoTime(), sizeTag);
        }

        long cost() {
            return EgressBudget.cost(packet);
        }
    }

    /** What {@link #enqueue} did. */
    enum Queued { QUEUED, RETIRED, BUDGET_FULL }

    private static final int DRAIN_BATCH = 64;

    private final InetSocketAddress address;
    private final Bootstrap bootstrap;
    private final EgressSettings settings;
    private final MixMetrics metrics;
    private final EgressRouter.Counters counters;
    private final EgressBudget budget;
    /** Null: plain TCP always. */
    private final NoiseLinks noise;
    private final ArrayDeque<Outbound> queue = new ArrayDeque<>();
    /** Bytes of this link's packets, queued or written but not yet sent (reserved in the budget). */
    private long bytes;
    private final byte[] header = new byte[FrameCodec.MAX_HEADER_LENGTH];
    private State state = State.IDLE;
    private Channel channel;
    private int failures;
    private boolean drainScheduled;
    private boolean closing;
    private long lastUsedNanos = System.nanoTime();

    PeerLink(InetSocketAddress address, Bootstrap bootstrap, EgressSettings settings, MixMetrics metrics,
             EgressRouter.Counters counters, EgressBudget budget, NoiseLinks noise) {
        this.noise = noise;
        this.address = address;
        this.bootstrap = bootstrap;
        this.settings = settings;
        this.metrics = metrics;
        this.counters = counters;
        this.budget = budget;
    }

    /**
     * Queues a packet, dropping this link's oldest ones when it holds its share. RETIRED if this
     * link was retired meanwhile (the router makes a new one); BUDGET_FULL if all links together
     * hold the egress budget (the router sheds elsewhere and asks again).
     */
    Queued enqueue(Outbound packet) {
        boolean connect = false;
        Channel drainOn = null;
        long cost = packet.cost();
        synchronized (this) {
            if (state == State.RETIRED) return Queued.RETIRED;
            if (closing) {
                metrics.drop(Drop.SHUTDOWN);
                return Queued.QUEUED;
            }
            while (!queue.isEmpty() && (queue.size() >= settings.queuePerPeer() || bytes + cost > budget.maxPerPeer())) {
                dropOldest(Drop.EGRESS_QUEUE_FULL);
            }
            if (bytes + cost > budget.maxPerPeer()) {   // all of its share is in the socket: this peer does not read
                metrics.drop(Drop.EGRESS_QUEUE_FULL);
                return Queued.QUEUED;
            }
            if (!budget.tryReserve(cost)) return Queued.BUDGET_FULL;
            bytes += cost;
            queue.addLast(packet);
            counters.queued.incrementAndGet();
            lastUsedNanos = System.nanoTime();
            if (state == State.IDLE) {
                state = State.CONNECTING;
                connect = true;
            } else if (state == State.CONNECTED && !drainScheduled) {
                drainScheduled = true;
                drainOn = channel;
            }
        }
        if (connect) connect();
        if (drainOn != null) drainOn.eventLoop().execute(this::drain);
        return Queued.QUEUED;
    }

    /** Caller holds the lock. */
    private void dropOldest(Drop reason) {
        Outbound o = queue.pollFirst();
        counters.queued.decrementAndGet();
        bytes -= o.cost();
        budget.release(o.cost());
        metrics.drop(reason);
    }

    /** Drops this link's oldest queued packet to make room elsewhere; false if it has none. */
    synchronized boolean shedOldest() {
        if (queue.isEmpty()) return false;
        dropOldest(Drop.EGRESS_BYTES_FULL);
        return true;
    }

    /** Drops queued packets older than the age limit; returns how many. */
    synchronized int expire(long nowNanos) {
        int n = 0;
        while (!queue.isEmpty() && nowNanos - queue.peekFirst().enqueuedNanos() > budget.maxAgeNanos()) {
            dropOldest(Drop.EGRESS_EXPIRED);
            n++;
        }
        return n;
    }

    /** Whether this next hop has failed since it last worked (refused, timed out or dropped the connection). */
    synchronized boolean failing() {
        return failures > 0 && state != State.CONNECTED;
    }

    /** Bytes this link holds (queued and in its socket's buffer). */
    synchronized long bytes() {
        return bytes;
    }

    private synchronized void sent(long cost) {
        bytes -= cost;
        budget.release(cost);
    }

    private void connect() {
        ChannelFuture f = bootstrap.connect(address);
        f.addListener((ChannelFutureListener) done -> {
            if (!done.isSuccess()) onConnectFailed();
            else upgrade(done.channel());
        });
    }

    /**
     * Noise exactly when the next hop announces a key in the topology (decided at every connect, so a
     * refreshed topology applies to the next connection). Packets are written only once the handshake is
     * done; a failed one closes the connection and backs off as a failed connect does (nym-node's
     * {@code client.rs} raises its reconnect backoff the same way).
     */
    private void upgrade(Channel ch) {
        Optional<VersionedNoiseKey> key = noise == null ? Optional.empty() : noise.keyFor(address);
        if (key.isEmpty()) {
            onConnected(ch);
            return;
        }
        NoiseLinkHandler handler = noise.initiator(key.get());
        ch.pipeline().addFirst("noise", handler);
        handler.handshakeFuture().addListener(h -> {
            if (h.isSuccess()) {
                onConnected(ch);
            } else {
                ch.close();
                onConnectFailed();
            }
        });
    }

    private void onConnected(Channel ch) {
        metrics.event(Event.OUTBOUND_CONNECTED);
        counters.connected.incrementAndGet();
        ch.attr(EgressRouter.LINK).set(this);
        ch.closeFuture().addListener(f -> onClosed(ch));
        boolean drain;
        synchronized (this) {
            if (state == State.RETIRED) {   // still sends while closing: the grace period is for that
                ch.close();
                return;
            }
            channel = ch;
            state = State.CONNECTED;
            failures = 0;
            drain = !drainScheduled;
            drainScheduled = true;
        }
        if (drain) ch.eventLoop().execute(this::drain);
    }

    private void onConnectFailed() {
        metrics.event(Event.OUTBOUND_CONNECT_FAILED);
        long delay;
        synchronized (this) {
            if (closing || state == State.RETIRED) return;
            failures++;
            state = State.WAITING;
            delay = settings.backoff().delayNanos(failures, ThreadLocalRandom.current());
        }
        bootstrap.config().group().schedule(this::retry, delay, TimeUnit.NANOSECONDS);
    }

    private void onClosed(Channel ch) {
        metrics.event(Event.OUTBOUND_DISCONNECTED);
        counters.connected.decrementAndGet();
        long delay = -1;
        synchronized (this) {
            if (channel != ch) return;
            channel = null;
            drainScheduled = false;
            if (closing || state == State.RETIRED) return;
            if (queue.isEmpty()) {
                state = State.IDLE;
            } else {
                // The peer went away with packets waiting: come back after a short pause.
                failures++;
                state = State.WAITING;
                delay = settings.backoff().delayNanos(failures, ThreadLocalRandom.current());
            }
        }
        if (delay >= 0) bootstrap.config().group().schedule(this::retry, delay, TimeUnit.NANOSECONDS);
    }

    private void retry() {
        synchronized (this) {
            if (closing || state != State.WAITING) return;
            if (queue.isEmpty()) {
                state = State.IDLE;
                return;
            }
            state = State.CONNECTING;
        }
        connect();
    }

    /** Runs on the channel's event loop: writes queued packets while the socket accepts them. */
    void drain() {
        Channel ch;
        synchronized (this) {
            drainScheduled = false;
            ch = channel;
        }
        if (ch == null || !ch.isActive()) return;
        long now = System.nanoTime();
        int written = 0;
        // One packet at a time while the socket takes more: Netty's buffer stays within its
        // high-water mark plus one packet, and those bytes stay in the budget until written.
        while (ch.isWritable()) {
            Outbound o;
            synchronized (this) {
                o = queue.pollFirst();
                if (o == null) break;
                counters.queued.decrementAndGet();
                if (now - o.enqueuedNanos() > budget.maxAgeNanos()) {
                    bytes -= o.cost();
                    budget.release(o.cost());
                    metrics.drop(Drop.EGRESS_EXPIRED);
                    continue;
                }
            }
            long cost = o.cost();
            ch.write(encode(ch, o)).addListener(f -> sent(cost));
            if (++written == DRAIN_BATCH) {
                ch.flush();
                metrics.forwarded(written);
                written = 0;
            }
        }
        if (written > 0) {
            ch.flush();
            metrics.forwarded(written);
        }
    }

    private ByteBuf encode(Channel ch, Outbound o) {
        int headerLength = settings.framing().headerLength();
        ByteBuf buf = ch.alloc().ioBuffer(headerLength + o.packet().length);
        if (o.outfoxSizeTag() >= 0) FrameCodec.encodeOutfox(settings.framing(), o.outfoxSizeTag(), header, 0);
        else FrameCodec.encode(settings.framing(), o.size(), o.rotation(), header, 0);   // event-loop thread only
        buf.writeBytes(header, 0, headerLength).writeBytes(o.packet());
        return buf;
    }

    /** Called when the socket can take more after being full. */
    void writable() {
        drain();
    }

    synchronized int queued() {
        return queue.size();
    }

    /** Retires this link if it has been unused for {@code idleNanos} and holds nothing. */
    boolean retireIfIdle(long nowNanos, long idleNanos) {
        Channel ch;
        synchronized (this) {
            if (!queue.isEmpty() || nowNanos - lastUsedNanos < idleNanos || state == State.CONNECTING) return false;
            state = State.RETIRED;
            ch = channel;
            channel = null;
        }
        if (ch != null) ch.close();
        return true;
    }

    /** Stops accepting packets; what is queued is still sent by {@link #drain}. */
    void beginClose() {
        Channel ch;
        synchronized (this) {
            closing = true;
            ch = drainScheduled ? null : channel;   // not yet connected: onConnected drains
            if (ch != null) drainScheduled = true;
        }
        if (ch != null) ch.eventLoop().execute(this::drain);
    }

    /** Drops what is left (counted) and closes the connection after its buffered bytes are written. */
    ChannelFuture finishClose() {
        Channel ch;
        int left;
        synchronized (this) {
            left = queue.size();
            while (!queue.isEmpty()) {
                long cost = queue.pollFirst().cost();
                bytes -= cost;
                budget.release(cost);
            }
            state = State.RETIRED;
            ch = channel;
        }
        counters.queued.addAndGet(-left);
        metrics.drop(Drop.SHUTDOWN, left);
        if (ch == null) return null;
        return ch.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
    }

    InetSocketAddress address() {
        return address;
    }
}
