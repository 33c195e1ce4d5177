package network.mask.node.outgoing;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Bytes that packets waiting for next hops may take: queued, and written to a socket but not yet
 * sent (Netty's buffers), for all next hops together and for each. A packet older than
 * {@code maxAge} is dropped rather than sent: by then its mix delay is long meaningless, and an
 * unreachable or never-reading next hop (which anyone can name in a packet) must not hold memory
 * (redteam D2: 5,744 extended packets to closed ports exhausted the heap).
 */
public final class EgressBudget {

    /** Object headers, fields and queue slot of one queued packet, besides its bytes (rounded up). */
    static final int PACKET_OVERHEAD_BYTES = 96;

    private final long maxTotal;
    private final long maxPerPeer;
    private final long maxAgeNanos;
    private final AtomicLong used = new AtomicLong();

    public EgressBudget(long maxTotalBytes, long maxPerPeerBytes, Duration maxAge) {
        if (maxPerPeerBytes < 64 * 1024 || maxTotalBytes < maxPerPeerBytes) {
            throw new IllegalArgumentException("egress budget: per peer at least 64 KiB and total at least per peer");
        }
        this.maxTotal = maxTotalBytes;
        this.maxPerPeer = maxPerPeerBytes;
        this.maxAgeNanos = maxAge.toNanos();
    }

    static long cost(byte[] packet) {
        return packet.length + PACKET_OVERHEAD_BYTES;
    }

    boolean tryReserve(long bytes) {
        if (used.addAndGet(bytes) > maxTotal) {
            used.addAndGet(-bytes);
            return false;
        }
        return true;
    }

    void release(long bytes) {
        used.addAndGet(-bytes);
    }

    public long used() {
        return used.get();
    }

    public long maxTotal() {
        return maxTotal;
    }

    public long maxPerPeer() {
        return maxPerPeer;
    }

    long maxAgeNanos() {
        return maxAgeNanos;
    }
}
