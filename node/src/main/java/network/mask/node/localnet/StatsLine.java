package network.mask.node.localnet;

import java.util.LinkedHashMap;
import java.util.Map;
import network.mask.node.metrics.MetricsSnapshot;

/** A metrics snapshot as one {@code name=value} line, for a node process to report to the local mixnet driver. */
final class StatsLine {

    private StatsLine() {}

    static String encode(MetricsSnapshot s) {
        StringBuilder sb = new StringBuilder();
        sb.append("received=").append(s.packetsReceived())
                .append(" forwarded=").append(s.packetsForwarded())
                .append(" final=").append(s.finalHopPackets())
                .append(" replays=").append(s.replaysRejected())
                .append(" scheduled=").append(s.scheduledPackets())
                .append(" egress_queue=").append(s.egressQueueDepth());
        s.droppedByReason().forEach((k, v) -> { if (v > 0) sb.append(" drop.").append(k).append('=').append(v); });
        s.events().forEach((k, v) -> { if (v > 0) sb.append(" event.").append(k).append('=').append(v); });
        return sb.toString();
    }

    static Map<String, Long> decode(String line) {
        Map<String, Long> out = new LinkedHashMap<>();
        for (String part : line.strip().split("\\s+")) {
            int eq = part.indexOf('=');
            if (eq > 0) {
                try {
                    out.put(part.substring(0, eq), Long.parseLong(part.substring(eq + 1)));
                } catch (NumberFormatException ignored) {
                    // not a counter
                }
            }
        }
        return out;
    }

    /** The drop counters only, without their prefix. */
    static Map<String, Long> drops(Map<String, Long> stats) {
        Map<String, Long> out = new LinkedHashMap<>();
        stats.forEach((k, v) -> { if (k.startsWith("drop.")) out.put(k.substring(5), v); });
        return out;
    }
}
