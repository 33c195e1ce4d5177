package network.mask.node.pressure;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import network.mask.node.metrics.MetricsSnapshot;
import network.mask.node.metrics.MetricsSource;

/**
 * Tells the owner, in plain words in the node's log (and so the dashboard's log), when the node
 * refused connections, shed packets or hit a limit: one line per kind per {@link #check} call,
 * which the daemon makes once a minute, and only for kinds that happened since the last call.
 * The counters themselves are on Prometheus ({@code masknode_events_total},
 * {@code masknode_mixnet_dropped_packets_total}) and MQTT (redteam D15: attacks were invisible).
 */
public final class PressureLog {

    private static final System.Logger LOG = System.getLogger(PressureLog.class.getName());

    /** A kind of pressure: which counters it sums, and what it means for the owner ("%d" is the count). */
    record Kind(String name, List<String> events, List<String> drops, String words) {}

    static final List<Kind> KINDS = List.of(
            new Kind("mix_slots_full", List.of("inbound_rejected_total_limit"), List.of(),
                    "refused %d mix connections in the last minute: every connection slot was in use (someone may be flooding the mix port)"),
            new Kind("mix_source_limit", List.of("inbound_rejected_per_network_limit", "inbound_rejected_per_ip_limit"), List.of(),
                    "refused %d mix connections in the last minute from addresses or networks that already held their share of slots"),
            new Kind("http_source_limit", List.of("api_rejected_per_network_limit", "setup_page_rejected_per_network_limit"), List.of(),
                    "closed %d connections to the public API or the setup page in the last minute from networks that already held their share (someone may be flooding them)"),
            new Kind("mix_slow_peers", List.of("inbound_closed_frame_timeout"), List.of(),
                    "closed %d mix connections in the last minute that sent their packets too slowly"),
            new Kind("held_full", List.of(), List.of("scheduler_overload", "scheduler_bytes_full"),
                    "dropped %d packets in the last minute: the memory for packets waiting out their delay was full (overload or a flood)"),
            new Kind("next_hops_slow", List.of(), List.of("egress_queue_full", "egress_bytes_full", "egress_too_many_peers"),
                    "dropped %d packets in the last minute for next hops that are slow or unreachable: their queues were full"),
            new Kind("next_hops_unreachable", List.of(), List.of("egress_expired"),
                    "dropped %d packets in the last minute that waited too long for an unreachable next hop"),
            new Kind("forbidden_next_hops", List.of(), List.of("forbidden_next_hop"),
                    "refused %d packets in the last minute addressed to your home network or this box itself (someone is probing through the mixnet; nothing was sent)"),
            new Kind("mqtt_too_large", List.of("mqtt_message_too_large"), List.of(),
                    "ignored %d oversized MQTT messages in the last minute: something on your MQTT broker published a message far larger than the node reads"),
            new Kind("replay_save_failed", List.of("replay_state_save_failed"), List.of(),
                    "could not save the replay state %d times in the last minute: free some disk space on the node's data drive"),
            new Kind("replay_journal_failed", List.of("replay_journal_write_failed"), List.of(),
                    "could not write the replay journal %d times in the last minute: after a power cut, recent packets could be replayed until space is freed on the node's data drive"),
            new Kind("key_rotation_failed", List.of("sphinx_key_rotation_failed"), List.of(),
                    "could not take a Sphinx key rotation step %d times in the last minute (it is retried): free some disk space on the node's data drive"));

    private final MetricsSource metrics;
    private final Map<String, Long> last = new HashMap<>();

    public PressureLog(MetricsSource metrics) {
        this.metrics = metrics;
        totals(metrics.snapshot()).forEach(last::put);   // what happened before this log existed is not news
    }

    /** Logs one line for each kind that happened since the last call; returns the lines (for tests). */
    public synchronized List<String> check() {
        Map<String, Long> now = totals(metrics.snapshot());
        List<String> lines = new java.util.ArrayList<>();
        for (Kind k : KINDS) {
            long delta = now.get(k.name()) - last.getOrDefault(k.name(), 0L);
            if (delta <= 0) continue;
            String line = String.format(java.util.Locale.ROOT, k.words(), delta);
            LOG.log(System.Logger.Level.WARNING, line);
            lines.add(line);
        }
        last.clear();
        last.putAll(now);
        return lines;
    }

    private static Map<String, Long> totals(MetricsSnapshot s) {
        Map<String, Long> out = new LinkedHashMap<>();
        for (Kind k : KINDS) {
            out.put(k.name(), sum(k.events(), s::event) + sum(k.drops(), s::dropped));
        }
        return out;
    }

    private static long sum(List<String> names, Function<String, Long> value) {
        long n = 0;
        for (String name : names) n += value.apply(name);
        return n;
    }
}
