package network.mask.node.api;

import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import network.mask.node.metrics.MetricsSnapshot;
import network.mask.node.metrics.RateWindow;

/**
 * The node's metrics in Prometheus form. Naming, decided and documented:
 * <ul>
 *   <li>Every metric nym-node also has keeps nym-node's exact name, help text and type (nym-node
 *       exports its counters as gauges without {@code _total}, e.g.
 *       {@code nym_node_mixnet_ingress_forward_packets_received}), so dashboards built for
 *       nym-node work unchanged.</li>
 *   <li>Metrics only Mask Node has follow Prometheus conventions under the same {@code nym_node_}
 *       prefix: counters are {@code counter} and end in {@code _total}, durations are seconds.</li>
 * </ul>
 */
final class PrometheusMetrics {

    private PrometheusMetrics() {}

    static String render(MetricsSnapshot now, RateWindow.Rates rates, String version, long unauthorizedScrapes) {
        NymPacketCounters c = NymPacketCounters.of(now);
        NymPacketCounters before = NymPacketCounters.of(rates.earlier());
        double seconds = Math.max(0, Duration.between(rates.earlier().at(), now.at()).toMillis() / 1000.0);
        PrometheusText p = new PrometheusText();

        p.gauge("nym_node_mixnet_ingress_forward_packets_received",
                "The number of ingress forward hop sphinx packets received", c.forwardHopReceived());
        p.gauge("nym_node_mixnet_ingress_final_hop_packets_received",
                "The number of ingress final hop sphinx packets received", c.finalHopReceived());
        p.gauge("nym_node_mixnet_ingress_replayed_packets_received",
                "The number of ingress replayed sphinx packets received", c.replayedReceived());
        p.gauge("nym_node_mixnet_ingress_malformed_packets_received",
                "The number of ingress malformed sphinx packets received", c.malformedReceived());
        p.gauge("nym_node_mixnet_ingress_excessive_delay_packets_received",
                "The number of ingress forward sphinx packets that specified excessive delay received",
                c.excessiveDelayReceived());
        p.gauge("nym_node_mixnet_ingress_forward_packets_dropped",
                "The number of ingress forward hop sphinx packets dropped", c.ingressForwardDropped());
        p.gauge("nym_node_mixnet_ingress_final_hop_packets_dropped",
                "The number of ingress final hop sphinx packets dropped", c.finalHopDropped());

        p.gauge("nym_node_mixnet_ingress_forward_packets_received_rate",
                "The current rate of receiving ingress forward hop sphinx packets",
                rate(before.forwardHopReceived(), c.forwardHopReceived(), seconds));
        p.gauge("nym_node_mixnet_ingress_final_hop_packets_received_rate",
                "The current rate of receiving ingress final hop sphinx packets",
                rate(before.finalHopReceived(), c.finalHopReceived(), seconds));
        p.gauge("nym_node_mixnet_ingress_malformed_packets_received_rate",
                "The current rate of receiving ingress malformed sphinx packets",
                rate(before.malformedReceived(), c.malformedReceived(), seconds));
        p.gauge("nym_node_mixnet_ingress_excessive_delay_packets_received_rate",
                "The current rate of receiving ingress sphinx packets that specified excessive delay",
                rate(before.excessiveDelayReceived(), c.excessiveDelayReceived(), seconds));
        p.gauge("nym_node_mixnet_ingress_forward_packets_dropped_rate",
                "The current rate of dropping ingress forward hop sphinx packets",
                rate(before.ingressForwardDropped(), c.ingressForwardDropped(), seconds));
        p.gauge("nym_node_mixnet_ingress_final_hop_packets_dropped_rate",
                "The current rate of dropping ingress final hop sphinx packets",
                rate(before.finalHopDropped(), c.finalHopDropped(), seconds));

        p.gauge("nym_node_mixnet_egress_forward_packets_sent",
                "The number of egress forward hop sphinx packets sent/forwarded", c.egressForwardSent());
        p.gauge("nym_node_mixnet_egress_ack_sent",
                "The number of egress forward hop sphinx packets sent/forwarded (acks only)", c.ackSent());
        p.gauge("nym_node_mixnet_egress_forward_packets_dropped",
                "The number of egress forward hop sphinx packets dropped", c.egressForwardDropped());
        p.gauge("nym_node_mixnet_egress_forward_packets_send_rate",
                "The current rate of sending/forwarding egress forward hop sphinx packets",
                rate(before.egressForwardSent(), c.egressForwardSent(), seconds));
        p.gauge("nym_node_mixnet_egress_ack_send_rate",
                "The current rate of sending/forwarding egress forward hop sphinx packets (acks only)", 0);
        p.gauge("nym_node_mixnet_egress_forward_packets_dropped_rate",
                "The current rate of dropping egress forward hop sphinx packets",
                rate(before.egressForwardDropped(), c.egressForwardDropped(), seconds));

        p.gauge("nym_node_network_active_ingress_mixnet_connections",
                "The number of active ingress mixnet connections", now.inboundConnections());
        p.gauge("nym_node_network_active_egress_mixnet_connections",
                "The number of active egress mixnet connections", now.outboundConnections());
        p.gauge("nym_node_process_forward_hop_packets_being_delayed",
                "The current number of packets being delayed", now.scheduledPackets());
        p.gauge("nym_node_process_packet_forwarder_queue_size",
                "The current number of packets waiting in the queue to get delayed and sent into the mixnet",
                now.ingressQueueDepth());
        p.gauge("nym_node_process_forward_hop_packets_pending_delivery",
                "The current number of forward hop packets stuck in channels waiting to get delivered to appropriate TCP connections",
                now.egressQueueDepth());

        // Mask Node only: Prometheus conventions.
        p.family("nym_node_mixnet_dropped_packets_total", "counter", "Packets dropped, by reason (Mask Node)");
        for (Map.Entry<String, Long> e : new TreeMap<>(now.droppedByReason()).entrySet()) {
            p.sample("nym_node_mixnet_dropped_packets_total", e.getValue() == null ? 0 : e.getValue(), "reason", e.getKey());
        }
        delayHistogram(p, now.delayHistogramMillis());
        p.gauge("nym_node_process_uptime_seconds", "Seconds since the node started (Mask Node)",
                Math.max(0, Duration.between(now.startedAt(), now.at()).toMillis() / 1000.0));
        p.family("nym_node_build_info", "gauge", "Always 1; the labels describe the running build (Mask Node)")
                .sample("nym_node_build_info", 1, "binary", "masknode", "version", version);
        p.family("nym_node_api_prometheus_unauthorized_total", "counter",
                        "Scrapes of this endpoint refused for a missing or wrong bearer token (Mask Node)")
                .sample("nym_node_api_prometheus_unauthorized_total", unauthorizedScrapes);
        return p.text();
    }

    /**
     * The scheduler's delay histogram; bucket bounds converted from ms to seconds. The snapshot
     * carries no sum of delays, so {@code _sum} is left out: {@code histogram_quantile} and rates
     * of {@code _count} work, averages do not.
     */
    private static void delayHistogram(PrometheusText p, Map<Double, Long> cumulativeByUpperMillis) {
        String name = "nym_node_mixnet_packet_delay_seconds";
        p.family(name, "histogram", "Scheduled Sphinx delay of forwarded packets (Mask Node; no _sum)");
        long count = 0;
        boolean sawInf = false;
        for (Map.Entry<Double, Long> b : new TreeMap<>(cumulativeByUpperMillis).entrySet()) {
            double upperMillis = b.getKey();
            long cumulative = b.getValue() == null ? 0 : b.getValue();
            String le = Double.isInfinite(upperMillis) ? "+Inf" : PrometheusText.number(upperMillis / 1000.0);
            sawInf |= Double.isInfinite(upperMillis);
            p.sample(name + "_bucket", cumulative, "le", le);
            count = Math.max(count, cumulative);
        }
        if (!sawInf) p.sample(name + "_bucket", count, "le", "+Inf");
        p.sample(name + "_count", count);
    }

    private static double rate(long earlier, long later, double seconds) {
        return seconds <= 0 ? 0 : Math.max(0, later - earlier) / seconds;
    }
}
