package network.mask.board.health;

import java.util.Set;
import java.util.TreeSet;

import network.mask.board.HealthSnapshot;

/** The board's own reasons to show DEGRADED, from a health snapshot. Missing readings raise nothing. */
public final class HealthAlarms {
    /** The Pi 4/5 firmware starts throttling at 80 °C (soft limit); warn there, before it bites. */
    public static final double HOT_CELSIUS = 80.0;
    /** Below this the node cannot reliably write its state and logs. */
    public static final long DISK_LOW_BYTES = 256L * 1024 * 1024;
    /** Less than this share of memory available means the node is about to swap or be killed. */
    public static final double MEMORY_LOW_FRACTION = 0.05;

    private HealthAlarms() {
    }

    public static Set<String> reasons(HealthSnapshot h) {
        Set<String> reasons = new TreeSet<>();
        h.throttling().ifPresent(f -> {
            if (f.underVoltageNow()) reasons.add("under-voltage");
            if (f.throttledNow() || f.frequencyCappedNow()) reasons.add("throttled");
            if (f.softTemperatureLimitNow()) reasons.add("cpu-hot");
        });
        if (h.cpuTemperatureCelsius().isPresent() && h.cpuTemperatureCelsius().getAsDouble() >= HOT_CELSIUS) {
            reasons.add("cpu-hot");
        }
        if (h.diskFreeBytes().isPresent() && h.diskFreeBytes().getAsLong() < DISK_LOW_BYTES) {
            reasons.add("disk-low");
        }
        if (h.memoryTotalBytes().isPresent() && h.memoryAvailableBytes().isPresent()
                && h.memoryAvailableBytes().getAsLong() < MEMORY_LOW_FRACTION * h.memoryTotalBytes().getAsLong()) {
            reasons.add("memory-low");
        }
        return reasons;
    }
}
