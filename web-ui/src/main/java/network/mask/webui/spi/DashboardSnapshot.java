package network.mask.webui.spi;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * One reading of the node's live figures.
 *
 * @param packetsInPerSecond    Sphinx packets received per second (recent average)
 * @param packetsOutPerSecond   packets forwarded per second
 * @param droppedPerSecond      packets dropped per second, any reason
 * @param queueDepth            packets waiting inside the node
 * @param peers                 open connections to and from other nodes
 * @param uptime                time since the node started
 * @param version               firmware version string
 * @param cpuTemperatureCelsius SoC temperature, if the board has a sensor
 * @param memory                JVM or system memory use, if known
 * @param disk                  data partition use, if known
 * @param led                   what the status LED shows right now
 * @param logTail               the last log lines, oldest first
 */
public record DashboardSnapshot(
        double packetsInPerSecond,
        double packetsOutPerSecond,
        double droppedPerSecond,
        int queueDepth,
        int peers,
        Duration uptime,
        String version,
        OptionalDouble cpuTemperatureCelsius,
        Optional<Usage> memory,
        Optional<Usage> disk,
        LedState led,
        List<String> logTail) {

    public DashboardSnapshot {
        Objects.requireNonNull(uptime, "uptime");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(cpuTemperatureCelsius, "cpuTemperatureCelsius");
        Objects.requireNonNull(memory, "memory");
        Objects.requireNonNull(disk, "disk");
        Objects.requireNonNull(led, "led");
        logTail = List.copyOf(logTail);
    }

    /** @param usedBytes bytes in use; {@code totalBytes} capacity (> 0) */
    public record Usage(long usedBytes, long totalBytes) {
    }

    /**
     * @param colour  CSS hex colour {@code #rrggbb} the LED shows (ignored when not lit)
     * @param lit     whether the LED is on at all
     * @param blinking whether it blinks
     * @param meaning plain words, e.g. "Mixing: connected to the network"
     */
    public record LedState(String colour, boolean lit, boolean blinking, String meaning) {
    }
}
