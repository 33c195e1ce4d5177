package network.mask.board;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * Board health for the dashboard, telemetry and the degraded state. Anything the machine does not
 * expose (a PC has no get_throttled) is empty: "not available", never a made-up number.
 *
 * @param cpuTemperatureCelsius CPU thermal zone
 * @param throttling            firmware under-voltage / throttling flags
 * @param memoryTotalBytes      MemTotal from /proc/meminfo
 * @param memoryAvailableBytes  MemAvailable from /proc/meminfo
 * @param diskTotalBytes        size of the file system holding the data directory
 * @param diskFreeBytes         space on it usable by the node
 */
public record HealthSnapshot(OptionalDouble cpuTemperatureCelsius, Optional<ThrottleFlags> throttling,
                             OptionalLong memoryTotalBytes, OptionalLong memoryAvailableBytes,
                             OptionalLong diskTotalBytes, OptionalLong diskFreeBytes) {
    public HealthSnapshot {
        Objects.requireNonNull(cpuTemperatureCelsius);
        Objects.requireNonNull(throttling);
        Objects.requireNonNull(memoryTotalBytes);
        Objects.requireNonNull(memoryAvailableBytes);
        Objects.requireNonNull(diskTotalBytes);
        Objects.requireNonNull(diskFreeBytes);
    }

    /** Nothing known yet. */
    public static HealthSnapshot unavailable() {
        return new HealthSnapshot(OptionalDouble.empty(), Optional.empty(), OptionalLong.empty(),
                OptionalLong.empty(), OptionalLong.empty(), OptionalLong.empty());
    }
}
