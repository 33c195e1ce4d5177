package network.mask.node.api;

import com.sun.management.OperatingSystemMXBean;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.DoubleSupplier;
import network.mask.board.health.HealthParsers;

/**
 * Where the API reads coarse facts about the machine: files under a root ({@code /proc},
 * {@code /sys}, {@code /etc}), the JVM's {@code os.*} properties, and the JVM's load average when
 * {@code /proc/loadavg} is missing. Every read is optional: off Linux, or in a sandbox, a fact is
 * simply absent. Tests point the root at a directory of their own.
 */
final class HostFiles {

    private static final int MAX_BYTES = 1 << 20;   // /proc/cpuinfo of a big server is ~100 KiB

    private final Path root;
    private final Map<String, String> properties;
    private final DoubleSupplier loadAverageFallback;

    HostFiles(Path root, Map<String, String> properties, DoubleSupplier loadAverageFallback) {
        this.root = root;
        this.properties = Map.copyOf(properties);
        this.loadAverageFallback = loadAverageFallback;
    }

    /** The machine the node runs on. */
    static HostFiles thisMachine() {
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        return new HostFiles(Path.of("/"), Map.of(
                "os.name", System.getProperty("os.name", ""),
                "os.arch", System.getProperty("os.arch", ""),
                "os.version", System.getProperty("os.version", "")), os::getSystemLoadAverage);
    }

    /** A file's lines, or empty when it cannot be read (missing, not Linux, too large). */
    Optional<List<String>> lines(String relativePath) {
        Path p = root.resolve(relativePath);
        try (InputStream in = Files.newInputStream(p)) {
            byte[] bytes = in.readNBytes(MAX_BYTES + 1);   // /proc files report size 0: read, then check
            if (bytes.length > MAX_BYTES) return Optional.empty();
            return Optional.of(new String(bytes, StandardCharsets.UTF_8).lines().toList());
        } catch (IOException | SecurityException e) {
            return Optional.empty();
        }
    }

    /** The first line of a file, stripped, if it has one that is not blank. */
    Optional<String> firstLine(String relativePath) {
        return lines(relativePath).flatMap(l -> l.stream().findFirst()).map(String::strip).filter(s -> !s.isEmpty());
    }

    /** MemTotal and MemAvailable from {@code /proc/meminfo}, parsed as the board's health reading parses them. */
    HealthParsers.MemInfo memInfo() {
        return lines("proc/meminfo").map(l -> HealthParsers.memInfo(String.join("\n", l)))
                .orElseGet(() -> new HealthParsers.MemInfo(OptionalLong.empty(), OptionalLong.empty()));
    }

    /** A JVM {@code os.*} property, if set and not blank. */
    Optional<String> property(String name) {
        return Optional.ofNullable(properties.get(name)).map(String::strip).filter(s -> !s.isEmpty());
    }

    /** The 1-minute load average from the JVM, negative when it has none. */
    double loadAverageFallback() {
        return loadAverageFallback.getAsDouble();
    }
}
