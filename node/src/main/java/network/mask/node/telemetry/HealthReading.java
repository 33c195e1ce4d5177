package network.mask.node.telemetry;

import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * One reading of the board's health; every value optional.
 *
 * @param cpuTemperatureCelsius SoC temperature
 * @param memoryUsedBytes       memory in use (not counting page cache)
 * @param memoryTotalBytes      installed memory
 * @param diskFreeBytes         free space on the data partition
 * @param throttled             true when the firmware reports under-voltage or thermal throttling now
 */
public record HealthReading(OptionalDouble cpuTemperatureCelsius, OptionalLong memoryUsedBytes,
                            OptionalLong memoryTotalBytes, OptionalLong diskFreeBytes, Optional<Boolean> throttled) {

    public static HealthReading empty() {
        return new HealthReading(OptionalDouble.empty(), OptionalLong.empty(), OptionalLong.empty(),
                OptionalLong.empty(), Optional.empty());
    }
}
