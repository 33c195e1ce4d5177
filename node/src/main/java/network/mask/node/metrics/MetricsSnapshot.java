package network.mask.node.metrics;

import java.time.Instant;
import java.util.Map;

/**
 * Every counter and gauge the mix pipeline keeps, at one instant. Counters are monotonic
 * since start; consumers derive rates from two snapshots ({@link #ratePerSecond}).
 *
 * @param at                   when the snapshot was taken
 * @param startedAt            when the node started (uptime = at - startedAt)
 * @param packetsReceived      Sphinx packets read off the wire (framed correctly)
 * @param packetsForwarded     packets written to a next hop
 * @param finalHopPackets      packets for which this node was the last hop
 * @param replaysRejected      packets whose replay tag had been seen
 * @param droppedByReason      drops by reason name (e.g. "bad_mac", "malformed_frame",
 *                             "egress_queue_full", "shutdown"); replays are counted here too
 * @param ingressQueueDepth    packets waiting for a crypto worker
 * @param scheduledPackets     packets held for their delay
 * @param egressQueueDepth     packets waiting for a next-hop connection, summed over peers
 * @param inboundConnections   open connections from peers
 * @param outboundConnections  open connections to next hops
 * @param delayHistogramMillis upper bound of each bucket in ms (last is +Inf) to count, cumulative
 *                             as in Prometheus
 * @param events               other counters by name that are not packet drops: connection
 *                             events ("inbound_rejected_total_limit", "inbound_closed_idle",
 *                             "outbound_connect_failed", ...) and pipeline events ("delay_capped",
 *                             "ingress_paused"); see {@code MixMetrics.Event}
 * @param delaySumNanos        sum of the delays counted in {@code delayHistogramMillis}, in ns
 *                             (the histogram's {@code _sum}); -1 when the source does not know it
 */
public record MetricsSnapshot(
        Instant at,
        Instant startedAt,
        long packetsReceived,
        long packetsForwarded,
        long finalHopPackets,
        long replaysRejected,
        Map<String, Long> droppedByReason,
        int ingressQueueDepth,
        int scheduledPackets,
        int egressQueueDepth,
        int inboundConnections,
        int outboundConnections,
        Map<Double, Long> delayHistogramMillis,
        Map<String, Long> events,
        long delaySumNanos) {

    /** Without the delay sum (sources that do not track it): {@code delaySumNanos} is -1, unknown. */
    public MetricsSnapshot(Instant at, Instant startedAt, long packetsReceived, long packetsForwarded,
                           long finalHopPackets, long replaysRejected, Map<String, Long> droppedByReason,
                           int ingressQueueDepth, int scheduledPackets, int egressQueueDepth,
                           int inboundConnections, int outboundConnections,
                           Map<Double, Long> delayHistogramMillis, Map<String, Long> events) {
        this(at, startedAt, packetsReceived, packetsForwarded, finalHopPackets, replaysRejected,
                droppedByReason, ingressQueueDepth, scheduledPackets, egressQueueDepth,
                inboundConnections, outboundConnections, delayHistogramMillis, events, -1);
    }

    /** The original shape, without {@code events} or the delay sum; kept so existing callers still compile. */
    public MetricsSnapshot(Instant at, Instant startedAt, long packetsReceived, long packetsForwarded,
                           long finalHopPackets, long replaysRejected, Map<String, Long> droppedByReason,
                           int ingressQueueDepth, int scheduledPackets, int egressQueueDepth,
                           int inboundConnections, int outboundConnections,
                           Map<Double, Long> delayHistogramMillis) {
        this(at, startedAt, packetsReceived, packetsForwarded, finalHopPackets, replaysRejected,
                droppedByReason, ingressQueueDepth, scheduledPackets, egressQueueDepth,
                inboundConnections, outboundConnections, delayHistogramMillis, Map.of(), -1);
    }

    /** Whether {@link #delaySumNanos} is known. */
    public boolean hasDelaySum() {
        return delaySumNanos >= 0;
    }

    public long packetsDropped() {
        return droppedByReason.values().stream().mapToLong(Long::longValue).sum();
    }

    /** A drop counter by reason name, 0 when that reason never happened. */
    public long dropped(String reason) {
        return droppedByReason.getOrDefault(reason, 0L);
    }

    /** An event counter by name, 0 when it never happened. */
    public long event(String name) {
        return events.getOrDefault(name, 0L);
    }

    /** Per-second rate of a counter between an earlier snapshot and this one. */
    public static double ratePerSecond(long earlierCount, long laterCount, Instant earlier, Instant later) {
        double seconds = (later.toEpochMilli() - earlier.toEpochMilli()) / 1000.0;
        return seconds <= 0 ? 0.0 : Math.max(0, laterCount - earlierCount) / seconds;
    }
}
