package network.mask.node.api;

import java.util.Locale;
import java.util.Map;
import network.mask.node.metrics.MetricsSnapshot;

/**
 * The snapshot's counters regrouped the way nym-node reports them ({@code PacketsStats} and the
 * {@code nym_node_mixnet_*} Prometheus names). Drop reasons are sorted into nym's buckets by name:
 * <ul>
 *   <li>containing {@code replay}: replayed (the snapshot's replay counter is used for the value);</li>
 *   <li>containing {@code delay}: excessive delay;</li>
 *   <li>containing {@code final_hop}: final-hop packets dropped (a mixnode is not a gateway);</li>
 *   <li>starting {@code egress}, containing {@code next_hop}, or {@code shutdown}: egress drops;</li>
 *   <li>starting {@code ingress} or containing {@code overload}: ingress forward-hop drops;</li>
 *   <li>anything else (bad MAC, wrong length, malformed frame, ...): malformed.</li>
 * </ul>
 * Forward-hop packets received = received − final hop − malformed − excessive delay − replayed,
 * where only packets that were received count as malformed here: frame-level drops
 * ({@link #NEVER_RECEIVED}) never reached {@code packetsReceived}, and subtracting them let any
 * stream of garbage zero the figure nym-api reads (redteam D12). They still count as malformed.
 */
record NymPacketCounters(long forwardHopReceived, long finalHopReceived, long malformedReceived,
                         long excessiveDelayReceived, long replayedReceived, long ingressForwardDropped,
                         long finalHopDropped, long egressForwardSent, long egressForwardDropped, long ackSent) {

    enum Bucket { REPLAYED, EXCESSIVE_DELAY, FINAL_HOP, EGRESS, INGRESS, MALFORMED }

    /** Drops of frames that were never a received packet (see incoming.FrameDecoder). */
    static final java.util.Set<String> NEVER_RECEIVED = java.util.Set.of("malformed_frame", "frame_too_large", "truncated_frame");

    static NymPacketCounters of(MetricsSnapshot s) {
        long malformed = 0, malformedFrames = 0, delay = 0, finalHopDropped = 0, egress = 0, ingress = 0;
        for (Map.Entry<String, Long> e : s.droppedByReason().entrySet()) {
            long n = e.getValue() == null ? 0 : e.getValue();
            if (NEVER_RECEIVED.contains(e.getKey())) malformedFrames += n;
            switch (bucket(e.getKey())) {
                case MALFORMED -> malformed += n;
                case EXCESSIVE_DELAY -> delay += n;
                case FINAL_HOP -> finalHopDropped += n;
                case EGRESS -> egress += n;
                case INGRESS -> ingress += n;
                case REPLAYED -> { }   // counted by replaysRejected
            }
        }
        long replayed = s.replaysRejected();
        long forward = Math.max(0, s.packetsReceived() - s.finalHopPackets() - (malformed - malformedFrames) - delay - replayed);
        return new NymPacketCounters(forward, s.finalHopPackets(), malformed, delay, replayed, ingress + replayed,
                finalHopDropped, s.packetsForwarded(), egress, 0);
    }

    static Bucket bucket(String reason) {
        String r = reason.toLowerCase(Locale.ROOT);
        if (r.contains("replay")) return Bucket.REPLAYED;
        if (r.contains("delay")) return Bucket.EXCESSIVE_DELAY;
        if (r.contains("final_hop")) return Bucket.FINAL_HOP;
        if (r.startsWith("egress") || r.contains("next_hop") || r.equals("shutdown")) return Bucket.EGRESS;
        if (r.startsWith("ingress") || r.contains("overload")) return Bucket.INGRESS;
        return Bucket.MALFORMED;
    }

    /** nym-node's {@code /api/v1/metrics/packets-stats} body. */
    String packetsStatsJson() {
        String ingress = SerdeJson.object()
                .number("forward_hop_packets_received", forwardHopReceived)
                .number("final_hop_packets_received", finalHopReceived)
                .number("malformed_packets_received", malformedReceived)
                .number("excessive_delay_packets", excessiveDelayReceived)
                .number("forward_hop_packets_dropped", ingressForwardDropped)
                .number("final_hop_packets_dropped", finalHopDropped)
                .end();
        String egress = SerdeJson.object()
                .number("forward_hop_packets_sent", egressForwardSent)
                .number("forward_hop_packets_dropped", egressForwardDropped)
                .number("ack_packets_sent", ackSent)
                .end();
        return SerdeJson.object().raw("ingress_mixing", ingress).raw("egress_mixing", egress).end();
    }
}
