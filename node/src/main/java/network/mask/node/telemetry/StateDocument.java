package network.mask.node.telemetry;

import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import network.mask.node.metrics.MetricsSnapshot;
import network.mask.node.metrics.RateWindow;

/**
 * The state JSON published every interval: one field per entity key of {@link EntityCatalog}.
 * A health value that is advertised but missing in this reading is sent as null, which Home
 * Assistant shows as "unknown" rather than a stale number.
 */
final class StateDocument {

    private static final double MIB = 1024.0 * 1024.0;
    private static final double GIB = MIB * 1024.0;

    private StateDocument() {}

    static String json(MetricsSnapshot now, RateWindow.Rates rates, HealthReading health, Set<String> advertisedHealth,
                       String version, boolean running) {
        return json(now, rates, health, advertisedHealth, version, running, null);
    }

    /** @param network the network's view to report, or null when the node reports none */
    static String json(MetricsSnapshot now, RateWindow.Rates rates, HealthReading health, Set<String> advertisedHealth,
                       String version, boolean running, NetworkReading network) {
        JsonObjectBuilder state = Json.createObjectBuilder()
                .add("packets_received", now.packetsReceived())
                .add("packets_forwarded", now.packetsForwarded())
                .add("packets_dropped", now.packetsDropped())
                .add("replays_rejected", now.replaysRejected())
                .add("final_hop_packets", now.finalHopPackets())
                .add(EntityCatalog.CONNECTIONS_REFUSED, connectionsRefused(now))
                .add("receive_rate", round(rates.perSecond(MetricsSnapshot::packetsReceived), 2))
                .add("forward_rate", round(rates.perSecond(MetricsSnapshot::packetsForwarded), 2))
                .add("drop_rate", round(rates.perSecond(MetricsSnapshot::packetsDropped), 2));
        Map<String, Double> byId = new TreeMap<>();
        for (String reason : now.droppedByReason().keySet()) {
            byId.merge(EntityCatalog.sanitize(reason), rates.droppedPerSecond(reason), Double::sum);
        }
        byId.forEach((id, rate) -> state.add(EntityCatalog.DROP_RATE_PREFIX + id, round(rate, 2)));
        state.add("ingress_queue", now.ingressQueueDepth())
                .add("scheduled_packets", now.scheduledPackets())
                .add("egress_queue", now.egressQueueDepth())
                .add("inbound_peers", now.inboundConnections())
                .add("outbound_peers", now.outboundConnections())
                // A timestamp with its offset: the same value all run long, so Home Assistant records no churn.
                .add(EntityCatalog.STARTED, now.startedAt().truncatedTo(ChronoUnit.SECONDS).atOffset(ZoneOffset.UTC).toString())
                .add(EntityCatalog.VERSION, version)
                .add("running", running ? "ON" : "OFF")
                .add("timestamp", now.at().toString());
        addHealth(state, health, advertisedHealth);
        if (network != null) addNetwork(state, network);
        return state.build().toString();
    }

    private static void addNetwork(JsonObjectBuilder state, NetworkReading n) {
        if (n.described().isPresent()) state.add(EntityCatalog.DESCRIBED, n.described().get() ? "ON" : "OFF");
        else state.addNull(EntityCatalog.DESCRIBED);
        if (n.role().isPresent()) state.add(EntityCatalog.ROLE, n.role().get());
        else state.addNull(EntityCatalog.ROLE);
        if (n.performancePercent().isPresent()) state.add(EntityCatalog.PERFORMANCE, round(n.performancePercent().getAsDouble(), 0));
        else state.addNull(EntityCatalog.PERFORMANCE);
        if (n.rewardsPerDayNym().isPresent()) state.add(EntityCatalog.REWARDS_PER_DAY, round(n.rewardsPerDayNym().getAsDouble(), 2));
        else state.addNull(EntityCatalog.REWARDS_PER_DAY);
    }

    /** Every inbound_rejected_* event: connections refused at a limit. */
    static long connectionsRefused(MetricsSnapshot now) {
        long n = 0;
        for (Map.Entry<String, Long> e : now.events().entrySet()) {
            if (e.getKey().startsWith("inbound_rejected_") && e.getValue() != null) n += e.getValue();
        }
        return n;
    }

    /** The health keys that have a value in this reading. */
    static Set<String> presentHealth(HealthReading h) {
        Set<String> present = new java.util.HashSet<>();
        if (h.cpuTemperatureCelsius().isPresent()) present.add(EntityCatalog.CPU_TEMPERATURE);
        if (h.memoryUsedBytes().isPresent()) present.add(EntityCatalog.MEMORY_USED);
        if (h.memoryUsedBytes().isPresent() && h.memoryTotalBytes().isPresent() && h.memoryTotalBytes().getAsLong() > 0) {
            present.add(EntityCatalog.MEMORY_USED_PERCENT);
        }
        if (h.diskFreeBytes().isPresent()) present.add(EntityCatalog.DISK_FREE);
        if (h.throttled().isPresent()) present.add(EntityCatalog.THROTTLED);
        return present;
    }

    private static void addHealth(JsonObjectBuilder state, HealthReading h, Set<String> advertised) {
        Set<String> present = presentHealth(h);
        for (String key : advertised) {
            if (!present.contains(key)) {
                state.addNull(key);
                continue;
            }
            switch (key) {
                case EntityCatalog.CPU_TEMPERATURE -> state.add(key, round(h.cpuTemperatureCelsius().getAsDouble(), 1));
                case EntityCatalog.MEMORY_USED -> state.add(key, round(h.memoryUsedBytes().getAsLong() / MIB, 1));
                case EntityCatalog.MEMORY_USED_PERCENT -> state.add(key,
                        round(100.0 * h.memoryUsedBytes().getAsLong() / h.memoryTotalBytes().getAsLong(), 1));
                case EntityCatalog.DISK_FREE -> state.add(key, round(h.diskFreeBytes().getAsLong() / GIB, 2));
                case EntityCatalog.THROTTLED -> state.add(key, h.throttled().get() ? "ON" : "OFF");
                default -> state.addNull(key);
            }
        }
    }

    private static BigDecimal round(double value, int places) {
        if (!Double.isFinite(value)) return BigDecimal.ZERO;
        return BigDecimal.valueOf(value).setScale(places, RoundingMode.HALF_UP);
    }

    /** Adds Home Assistant's update fields as the {@code firmware} object (docs/updates.md). */
    static String withFirmware(String stateJson, java.util.Optional<FirmwareUpdates.Info> info) {
        if (info.isEmpty()) return stateJson;
        FirmwareUpdates.Info i = info.get();
        jakarta.json.JsonObject state;
        try (jakarta.json.JsonReader r = Json.createReader(new java.io.StringReader(stateJson))) {
            state = r.readObject();
        }
        jakarta.json.JsonObjectBuilder firmware = Json.createObjectBuilder()
                .add("installed_version", i.installed())
                .add("latest_version", i.latest())
                .add("title", i.title())
                .add("release_summary", i.summary().length() > 255 ? i.summary().substring(0, 254) + "…" : i.summary())
                .add("in_progress", i.inProgress());
        if (!i.releaseUrl().isEmpty()) firmware.add("release_url", i.releaseUrl());
        return Json.createObjectBuilder(state).add(EntityCatalog.FIRMWARE, firmware).build().toString();
    }
}
