package network.mask.node.budget;

import java.time.Duration;
import network.mask.node.config.NodeConfig;

/**
 * The bytes each buffer that peers can fill may take, from the config (0 = a share of the Java
 * heap). Written down, with the fixed bounds beside them, in docs/memory-budget.md; with the
 * production unit's -Xmx192m the shares are 24 MiB held, 16 MiB ingress and 16 MiB egress.
 *
 * @param heldBytes          packets held for their delay (scheduler)
 * @param ingressBytes       packets waiting for a crypto worker
 * @param egressBytes        packets waiting for next hops, all together (queued and in socket buffers)
 * @param egressPerPeerBytes the same for one next hop
 * @param egressMaxAge       oldest a packet waiting for a next hop may get
 */
public record MemoryBudget(long heldBytes, long ingressBytes, long egressBytes, long egressPerPeerBytes,
                           Duration egressMaxAge) {

    private static final long MIB = 1024 * 1024;

    public static MemoryBudget of(NodeConfig.Limits limits, long maxHeapBytes) {
        long held = limits.heldPacketsMib() > 0 ? limits.heldPacketsMib() * MIB : share(maxHeapBytes, 8);
        long ingress = limits.ingressQueueMib() > 0 ? limits.ingressQueueMib() * MIB : share(maxHeapBytes, 12);
        long egress = limits.egressQueueMib() > 0 ? limits.egressQueueMib() * MIB : share(maxHeapBytes, 12);
        long perPeer = Math.min(egress, limits.egressQueuePerPeerKib() * 1024L);
        return new MemoryBudget(held, ingress, egress, perPeer, limits.egressMaxAge());
    }

    /** A {@code 1/parts} share of the heap, at least 4 MiB (room for a hundred extended packets). */
    private static long share(long maxHeapBytes, int parts) {
        return Math.max(4 * MIB, maxHeapBytes / parts);
    }

    /** One line for the start-up log. */
    public String describe() {
        return String.format(java.util.Locale.ROOT, "held packets %d MiB, ingress %d MiB, egress %d MiB (%d KiB per next hop, %d s at most)",
                heldBytes / MIB, ingressBytes / MIB, egressBytes / MIB, egressPerPeerBytes / 1024, egressMaxAge.toSeconds());
    }
}
