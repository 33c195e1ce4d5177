package network.mask.board.health;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;

import network.mask.board.HealthSnapshot;
import network.mask.board.ThrottleFlags;

/**
 * Reads board health from sysfs, procfs and the data directory's file system, under a root that
 * is "/" on a device and a fixture tree in tests. A source that is missing reads as empty.
 */
public final class HealthReader {
    private static final Logger LOG = Logger.getLogger(HealthReader.class.getName());
    /** Preferred thermal zone types: the Pi's SoC sensor, then an Intel CPU package on a dev PC. */
    private static final List<String> CPU_ZONE_TYPES = List.of("cpu-thermal", "x86_pkg_temp");
    private static final long COMMAND_TIMEOUT_MS = 2_000;

    private final Path root;
    private final Path dataDir;
    private final Optional<Path> throttledFile;
    private volatile List<String> throttledCommand;
    private final AtomicLong malformed = new AtomicLong();
    private final Set<String> reported = ConcurrentHashMap.newKeySet();

    /**
     * @param throttledCommand command printing "throttled=0x..." (vcgencmd get_throttled), used
     *                         when the firmware's sysfs file is absent; empty for none
     */
    public HealthReader(Path root, Path dataDir, List<String> throttledCommand) {
        this.root = root;
        this.dataDir = dataDir;
        this.throttledFile = findThrottledFile(root);
        this.throttledCommand = List.copyOf(throttledCommand);
    }

    /** On a device: vcgencmd from /usr/bin under the root, when it is there. */
    public static HealthReader forRoot(Path root, Path dataDir) {
        Path vcgencmd = root.resolve("usr/bin/vcgencmd");
        List<String> command = Files.isExecutable(vcgencmd) ? List.of(vcgencmd.toString(), "get_throttled") : List.of();
        return new HealthReader(root, dataDir, command);
    }

    public HealthSnapshot read() {
        HealthParsers.MemInfo mem = memInfo();
        OptionalLong diskTotal = OptionalLong.empty();
        OptionalLong diskFree = OptionalLong.empty();
        try {
            FileStore store = Files.getFileStore(dataDir);
            diskTotal = OptionalLong.of(store.getTotalSpace());
            diskFree = OptionalLong.of(store.getUsableSpace());
        } catch (IOException e) {
            reportOnce("disk", "Free space of " + dataDir + " is not available: " + e);
        }
        return new HealthSnapshot(cpuTemperature(), throttling(), mem.totalBytes(), mem.availableBytes(),
                diskTotal, diskFree);
    }

    /** Readings that were present but could not be parsed, since start. */
    public long malformedReadings() {
        return malformed.get();
    }

    OptionalDouble cpuTemperature() {
        Path thermal = root.resolve("sys/class/thermal");
        if (!Files.isDirectory(thermal)) {
            return OptionalDouble.empty();
        }
        List<Path> zones = new ArrayList<>();
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(thermal, "thermal_zone*")) {
            dirs.forEach(zones::add);
        } catch (IOException e) {
            reportOnce("thermal", "Thermal zones unreadable: " + e);
            return OptionalDouble.empty();
        }
        zones.sort(null);
        for (String wanted : CPU_ZONE_TYPES) {
            for (Path zone : zones) {
                if (wanted.equals(readTrimmed(zone.resolve("type")).orElse(""))) {
                    Optional<String> temp = readTrimmed(zone.resolve("temp"));
                    if (temp.isEmpty()) {
                        return OptionalDouble.empty();
                    }
                    OptionalDouble celsius = HealthParsers.milliCelsius(temp.get());
                    countIfMalformed(celsius.isEmpty(), zone + "/temp", temp.get());
                    return celsius;
                }
            }
        }
        return OptionalDouble.empty();
    }

    Optional<ThrottleFlags> throttling() {
        if (throttledFile.isPresent()) {
            Optional<String> text = readTrimmed(throttledFile.get());
            if (text.isPresent()) {
                Optional<ThrottleFlags> flags = HealthParsers.throttled(text.get());
                countIfMalformed(flags.isEmpty(), throttledFile.get().toString(), text.get());
                return flags;
            }
        }
        List<String> command = throttledCommand;
        if (command.isEmpty()) {
            return Optional.empty();
        }
        Optional<String> output = run(command);
        if (output.isEmpty()) {
            throttledCommand = List.of(); // does not work here: stop paying for a process every read
            return Optional.empty();
        }
        Optional<ThrottleFlags> flags = HealthParsers.throttled(output.get());
        countIfMalformed(flags.isEmpty(), String.join(" ", command), output.get());
        return flags;
    }

    private HealthParsers.MemInfo memInfo() {
        Optional<String> text = read(root.resolve("proc/meminfo"));
        if (text.isEmpty()) {
            return new HealthParsers.MemInfo(OptionalLong.empty(), OptionalLong.empty());
        }
        HealthParsers.MemInfo mem = HealthParsers.memInfo(text.get());
        countIfMalformed(mem.totalBytes().isEmpty() || mem.availableBytes().isEmpty(), "meminfo", "(no MemTotal/MemAvailable)");
        return mem;
    }

    /** Current kernels: soc/soc:firmware (Pi 4); look one level deeper for other SoC node names. */
    private static Optional<Path> findThrottledFile(Path root) {
        Path platform = root.resolve("sys/devices/platform");
        Path classic = platform.resolve("soc/soc:firmware/get_throttled");
        if (Files.exists(classic)) {
            return Optional.of(classic);
        }
        if (!Files.isDirectory(platform)) {
            return Optional.empty();
        }
        try (DirectoryStream<Path> socs = Files.newDirectoryStream(platform)) {
            for (Path soc : socs) {
                if (!Files.isDirectory(soc)) continue;
                try (DirectoryStream<Path> nodes = Files.newDirectoryStream(soc, "*firmware")) {
                    for (Path node : nodes) {
                        Path file = node.resolve("get_throttled");
                        if (Files.exists(file)) {
                            return Optional.of(file);
                        }
                    }
                }
            }
        } catch (IOException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    private Optional<String> run(List<String> command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            p.getOutputStream().close();
            if (!p.waitFor(COMMAND_TIMEOUT_MS, TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                reportOnce("cmd", String.join(" ", command) + " did not answer in time");
                return Optional.empty();
            }
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
            if (p.exitValue() != 0) {
                reportOnce("cmd", String.join(" ", command) + " failed (exit " + p.exitValue() + "): " + out.trim());
                return Optional.empty();
            }
            return Optional.of(out);
        } catch (IOException e) {
            reportOnce("cmd", String.join(" ", command) + " cannot run: " + e.getMessage());
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    private Optional<String> readTrimmed(Path file) {
        return read(file).map(String::trim);
    }

    private Optional<String> read(Path file) {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Files.readString(file, StandardCharsets.US_ASCII));
        } catch (IOException e) {
            reportOnce(file.toString(), "Cannot read " + file + ": " + e);
            return Optional.empty();
        }
    }

    private void countIfMalformed(boolean bad, String source, String text) {
        if (bad) {
            malformed.incrementAndGet();
            reportOnce("malformed " + source, "Unexpected content in " + source + ": '" + text + "'; reading left out");
        }
    }

    private void reportOnce(String key, String message) {
        if (reported.add(key)) {
            LOG.warning(message);
        }
    }
}
