package network.mask.node.api;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToLongFunction;
import network.mask.node.metrics.MetricsSnapshot;
import network.mask.node.metrics.RateWindow;

/**
 * The node's metrics in Prometheus form. Naming, decided and documented:
 * <ul>
 *   <li>Every metric nym-node also has keeps nym-node's exact name, help text and type (nym-node
 *       exports its counters as gauges without {@code _total}, e.g.
 *       {@code nym_node_mixnet_ingress_forward_packets_received}), so dashboards built for
 *       nym-node work unchanged.</li>
 *   <li>Metrics only Mask Node has follow the Prometheus conventions under its own prefix
 *       {@code masknode_} (so a future nym-node metric of the same name cannot clash): counters
 *       are {@code counter} and end in {@code _total}, base units (seconds, bytes).</li>
 *   <li>The standard {@code process_*} and {@code jvm_memory_*} metrics ({@link ProcessMetrics});
 *       the uptime is {@code time() - process_start_time_seconds}.</li>
 * </ul>
 * Renamed in issue 13 (docs/telemetry-and-api.md lists old and new): {@code nym_node_mixnet_dropped_packets_total},
 * {@code nym_node_events_total}, {@code nym_node_mixnet_packet_delay_seconds}, {@code nym_node_build_info},
 * {@code nym_node_operator_terms_accepted}, {@code nym_node_api_prometheus_unauthorized_total} moved to
 * {@code masknode_...}; {@code nym_node_process_uptime_seconds} gave way to {@code process_start_time_seconds}.
 */
final class PrometheusMetrics {

    /** A counter nym-node exports (as a gauge), with its {@code _rate} companion if it has one. */
    private record NymCounter(String name, String help, ToLongFunction<NymPacketCounters> value, String rateName,
                              String rateHelp) {}

    private static final String PREFIX = "nym_node_mixnet_";
    /** Mask Node's own metrics (operator-parity.md §7.2: a single-word application prefix of our own). */
    static final String OWN = "masknode_";

    /** nym-node's names and help texts (nym-node-metrics prometheus_wrapper.rs). */
    private static final List<NymCounter> NYM_COUNTERS = List.of(
            new NymCounter(PREFIX + "ingress_forward_packets_received",
                    "The number of ingress forward hop sphinx packets received", NymPacketCounters::forwardHopReceived,
                    PREFIX + "ingress_forward_packets_received_rate",
                    "The current rate of receiving ingress forward hop sphinx packets"),
            new NymCounter(PREFIX + "ingress_final_hop_packets_received",
                    "The number of ingress final hop sphinx packets received", NymPacketCounters::finalHopReceived,
                    PREFIX + "ingress_final_hop_packets_received_rate",
                    "The current rate of receiving ingress final hop sphinx packets"),
            new NymCounter(PREFIX + "ingress_replayed_packets_received",
                    "The number of ingress replayed sphinx packets received", NymPacketCounters::replayedReceived, null, null),
            new NymCounter(PREFIX + "ingress_malformed_packets_received",
                    "The number of ingress malformed sphinx packets received", NymPacketCounters::malformedReceived,
                    PREFIX + "ingress_malformed_packets_received_rate",
                    "The current rate of receiving ingress malformed sphinx packets"),
            new NymCounter(PREFIX + "ingress_excessive_delay_packets_received",
                    "The number of ingress forward sphinx packets that specified excessive delay received",
                    NymPacketCounters::excessiveDelayReceived,
                    PREFIX + "ingress_excessive_delay_packets_received_rate",
                    "The current rate of receiving ingress sphinx packets that specified excessive delay"),
            new NymCounter(PREFIX + "ingress_forward_packets_dropped",
                    "The number of ingress forward hop sphinx packets dropped", NymPacketCounters::ingressForwardDropped,
                    PREFIX + "ingress_forward_packets_dropped_rate",
                    "The current rate of dropping ingress forward hop sphinx packets"),
            new NymCounter(PREFIX + "ingress_final_hop_packets_dropped",
                    "The number of ingress final hop sphinx packets dropped", NymPacketCounters::finalHopDropped,
                    PREFIX + "ingress_final_hop_packets_dropped_rate",
                    "The current rate of dropping ingress final hop sphinx packets"),
            new NymCounter(PREFIX + "egress_forward_packets_sent",
                    "The number of egress forward hop sphinx packets sent/forwarded", NymPacketCounters::egressForwardSent,
                    PREFIX + "egress_forward_packets_send_rate",
                    "The current rate of sending/forwarding egress forward hop sphinx packets"),
            new NymCounter(PREFIX + "egress_ack_sent",
                    "The number of egress forward hop sphinx packets sent/forwarded (acks only)", NymPacketCounters::ackSent,
                    PREFIX + "egress_ack_send_rate",
                    "The current rate of sending/forwarding egress forward hop sphinx packets (acks only)"),
            new NymCounter(PREFIX + "egress_forward_packets_dropped",
                    "The number of egress forward hop sphinx packets dropped", NymPacketCounters::egressForwardDropped,
                    PREFIX + "egress_forward_packets_dropped_rate",
                    "The current rate of dropping egress forward hop sphinx packets"));

    private PrometheusMetrics() {}

    static String render(MetricsSnapshot now, RateWindow.Rates rates, String version, long unauthorizedScrapes,
                         boolean operatorTermsAccepted) {
        NymPacketCounters c = NymPacketCounters.of(now);
        NymPacketCounters before = NymPacketCounters.of(rates.earlier());
        double seconds = Math.max(0, Duration.between(rates.earlier().at(), now.at()).toMillis() / 1000.0);
        PrometheusText p = new PrometheusText();

        for (NymCounter counter : NYM_COUNTERS) {
            p.gauge(counter.name(), counter.help(), counter.value().applyAsLong(c));
        }
        for (NymCounter counter : NYM_COUNTERS) {
            if (counter.rateName() == null) continue;
            long earlier = counter.value().applyAsLong(before);
            long later = counter.value().applyAsLong(c);
            p.gauge(counter.rateName(), counter.rateHelp(), seconds <= 0 ? 0 : Math.max(0, later - earlier) / seconds);
        }

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

        // Mask Node only: Prometheus conventions, own prefix.
        p.family(OWN + "mixnet_dropped_packets_total", "counter", "Packets dropped, by reason");
        for (Map.Entry<String, Long> e : new TreeMap<>(now.droppedByReason()).entrySet()) {
            p.sample(OWN + "mixnet_dropped_packets_total", e.getValue() == null ? 0 : e.getValue(), "reason", e.getKey());
        }
        // Every event counter, by name: connection refusals, closes, limit hits, state-save failures
        // (redteam D15), key rotation steps and replay-journal writes.
        p.family(OWN + "events_total", "counter", "Connection, limit and housekeeping events, by name");
        for (Map.Entry<String, Long> e : new TreeMap<>(now.events()).entrySet()) {
            p.sample(OWN + "events_total", e.getValue() == null ? 0 : e.getValue(), "event", e.getKey());
        }
        delayHistogram(p, now);
        p.gauge(OWN + "node_start_time_seconds", "When the mix node last started (an in-process restart resets it), "
                + "since unix epoch in seconds", now.startedAt().toEpochMilli() / 1000.0);
        p.family(OWN + "build_info", "gauge", "Always 1; the labels describe the running build")
                .sample(OWN + "build_info", 1, "binary", "masknode", "version", version,
                        "java_version", Runtime.version().toString());
        p.gauge(OWN + "operator_terms_accepted", "1 when the operator accepted Nym's operator terms; at 0 nym-api "
                + "gives the node config score 0 and the network never selects it", operatorTermsAccepted ? 1 : 0);
        p.family(OWN + "api_prometheus_unauthorized_total", "counter",
                        "Scrapes of this endpoint refused for a missing or wrong bearer token")
                .sample(OWN + "api_prometheus_unauthorized_total", unauthorizedScrapes);
        ProcessMetrics.render(p);
        return p.text();
    }

    /**
     * The scheduler's delay histogram in seconds: bucket bounds converted from ms, {@code _sum}
     * from ns. {@code _count} is the +Inf bucket. A source that keeps no sum (only test doubles)
     * gets no {@code _sum} line rather than a made-up one.
     */
    private static void delayHistogram(PrometheusText p, MetricsSnapshot now) {
        String name = OWN + "mixnet_packet_delay_seconds";
        p.family(name, "histogram", "Scheduled Sphinx delay of forwarded packets");
        long count = 0;
        boolean sawInf = false;
        for (Map.Entry<Double, Long> b : new TreeMap<>(now.delayHistogramMillis()).entrySet()) {
            double upperMillis = b.getKey();
            long cumulative = b.getValue() == null ? 0 : b.getValue();
            String le = Double.isInfinite(upperMillis) ? "+Inf" : PrometheusText.number(upperMillis / 1000.0);
            sawInf |= Double.isInfinite(upperMillis);
            p.sample(name + "_bucket", cumulative, "le", le);
            count = Math.max(count, cumulative);
        }
        if (!sawInf) p.sample(name + "_bucket", count, "le", "+Inf");
        if (now.hasDelaySum()) p.sample(name + "_sum", now.delaySumNanos() / 1e9);
        p.sample(name + "_count", count);
    }
}
