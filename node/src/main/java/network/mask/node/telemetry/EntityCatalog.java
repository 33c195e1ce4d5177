package network.mask.node.telemetry;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Which entities the node offers, given what it can measure right now. Home Assistant's rules
 * applied here: counters are {@code total_increasing}; gauges and rates are {@code measurement};
 * a {@code device_class} only with a unit it accepts ({@code temperature}/°C,
 * {@code data_size}/MiB·GiB); the start time is a {@code timestamp} (Home Assistant shows "3 hours
 * ago" itself, and the value changes only at a restart); version and throttling are
 * {@code diagnostic}; the per-reason drop rates are diagnostic and disabled by default (18 of
 * them would clutter every install); names never repeat the device name (Home Assistant prefixes it).
 */
final class EntityCatalog {

    static final String CPU_TEMPERATURE = "cpu_temperature";
    static final String MEMORY_USED = "memory_used";
    static final String MEMORY_USED_PERCENT = "memory_used_percent";
    static final String DISK_FREE = "disk_free";
    static final String THROTTLED = "throttled";
    static final String DROP_RATE_PREFIX = "drop_rate_";
    /** Mix connections refused at the node's limits (total, per network, per address). */
    static final String CONNECTIONS_REFUSED = "connections_refused";

    static final String STARTED = "started";
    static final String VERSION = "version";
    static final String DESCRIBED = "described";
    static final String ROLE = "role";
    static final String PERFORMANCE = "performance";
    static final String REWARDS_PER_DAY = "rewards_per_day";

    static final String IDENTIFY = "identify";
    static final String RESTART = "restart";
    /** The update entity's key (its state is the state JSON's {@code firmware} object) and its install command. */
    static final String FIRMWARE = "firmware";
    static final String INSTALL_UPDATE = "install_update";

    private EntityCatalog() {}

    /**
     * @param dropReasons reasons the node has counted drops for (keys of the snapshot's map)
     * @param health      the health keys above that have a value (after smoothing)
     */
    static List<Entity> entities(Set<String> dropReasons, Set<String> health) {
        return entities(dropReasons, health, false);
    }

    /** @param network whether the node has a view of the network to report (described, role, performance, rewards) */
    static List<Entity> entities(Set<String> dropReasons, Set<String> health, boolean network) {
        List<Entity> all = new ArrayList<>();
        all.add(Entity.counter("packets_received", "Packets received", "mdi:download-network"));
        all.add(Entity.counter("packets_forwarded", "Packets forwarded", "mdi:upload-network"));
        all.add(Entity.counter("packets_dropped", "Packets dropped", "mdi:delete-circle"));
        all.add(Entity.counter("replays_rejected", "Replays rejected", "mdi:shield-refresh"));
        all.add(Entity.counter("final_hop_packets", "Final-hop packets", "mdi:flag-checkered"));
        all.add(Entity.counter(CONNECTIONS_REFUSED, "Connections refused", "mdi:lan-disconnect"));

        all.add(Entity.gauge("receive_rate", "Receive rate", "packets/s", "mdi:speedometer", 1));
        all.add(Entity.gauge("forward_rate", "Forward rate", "packets/s", "mdi:speedometer", 1));
        all.add(Entity.gauge("drop_rate", "Drop rate", "packets/s", "mdi:speedometer-slow", 1));
        for (String id : dropReasons.stream().map(EntityCatalog::sanitize).distinct().sorted().toList()) {
            all.add(Entity.gauge(DROP_RATE_PREFIX + id, "Drop rate " + id.replace('_', ' '), "packets/s",
                    "mdi:speedometer-slow", 2).hiddenDiagnostic());
        }

        all.add(Entity.gauge("ingress_queue", "Ingress queue", "packets", "mdi:tray-full", 0));
        all.add(Entity.gauge("scheduled_packets", "Packets being delayed", "packets", "mdi:timer-sand", 0));
        all.add(Entity.gauge("egress_queue", "Egress queue", "packets", "mdi:tray-arrow-up", 0));
        all.add(Entity.gauge("inbound_peers", "Inbound peers", "peers", "mdi:lan-connect", 0));
        all.add(Entity.gauge("outbound_peers", "Outbound peers", "peers", "mdi:lan-connect", 0));

        if (health.contains(CPU_TEMPERATURE)) {
            all.add(Entity.classed(CPU_TEMPERATURE, "CPU temperature", "temperature", "°C", 1));
        }
        if (health.contains(MEMORY_USED)) {
            all.add(Entity.classed(MEMORY_USED, "Memory used", "data_size", "MiB", 0));
        }
        if (health.contains(MEMORY_USED_PERCENT)) {
            all.add(Entity.gauge(MEMORY_USED_PERCENT, "Memory used percent", "%", "mdi:memory", 1));
        }
        if (health.contains(DISK_FREE)) {
            all.add(Entity.classed(DISK_FREE, "Disk free", "data_size", "GiB", 1));
        }
        if (health.contains(THROTTLED)) {
            all.add(new Entity(THROTTLED, Entity.BINARY_SENSOR, "Throttled", "problem", null, null, "diagnostic",
                    null, null, null));
        }

        all.add(new Entity("running", Entity.BINARY_SENSOR, "Mixing", "running", null, null, null, null, null, null));
        // The status model's condition: working, not-bonded, not-active, ... (network.mask.node.status.Condition codes)
        all.add(new Entity("state", Entity.SENSOR, "Network status", null, null, null, null, "mdi:lan-check", null, null));
        all.add(new Entity(STARTED, Entity.SENSOR, "Started", "timestamp", null, null, "diagnostic", "mdi:clock-start", null, null));
        all.add(new Entity(VERSION, Entity.SENSOR, "Version", null, null, null, "diagnostic", "mdi:tag", null, null));
        if (network) {
            all.add(new Entity(DESCRIBED, Entity.BINARY_SENSOR, "Known to the network", null, null, null, null, "mdi:earth-plus", null, null));
            all.add(new Entity(ROLE, Entity.SENSOR, "Role this epoch", null, null, null, null, "mdi:layers-triple", null, null));
            all.add(Entity.gauge(PERFORMANCE, "Performance", "%", "mdi:gauge", 0));
            all.add(Entity.gauge(REWARDS_PER_DAY, "Estimated rewards per day", "NYM", "mdi:cash-multiple", 2));
        }

        all.add(Entity.button(IDENTIFY, "Identify", "identify"));
        all.add(Entity.button(RESTART, "Restart", "restart"));
        return all;
    }

    /** Adds the update entity when the box can update itself (docs/updates.md). */
    static List<Entity> withFirmware(List<Entity> entities, boolean updatable) {
        if (!updatable) return entities;
        List<Entity> all = new ArrayList<>(entities);
        all.add(new Entity(FIRMWARE, Entity.UPDATE, "Firmware", "firmware", null, null, null, null, null, INSTALL_UPDATE));
        return all;
    }

    /** A drop reason as a component id: lower case, {@code [a-z0-9_]}, at most 40 characters. */
    static String sanitize(String reason) {
        String id = reason.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]+", "_");
        id = id.replaceAll("^_+|_+$", "");
        if (id.isEmpty()) id = "unknown";
        return id.length() > 40 ? id.substring(0, 40) : id;
    }
}
