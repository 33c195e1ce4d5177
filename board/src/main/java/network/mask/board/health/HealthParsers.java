package network.mask.board.health;

import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

import network.mask.board.ThrottleFlags;

/** Parsers for the kernel's and firmware's text formats. Malformed input gives empty, never a guess. */
public final class HealthParsers {
    private HealthParsers() {
    }

    /** A thermal zone's temp file: millidegrees Celsius, e.g. "48686". */
    public static OptionalDouble milliCelsius(String text) {
        try {
            long milli = Long.parseLong(text.trim());
            // Below absolute zero or hotter than any working silicon: a broken sensor, not a reading.
            if (milli < -273_150 || milli > 200_000) {
                return OptionalDouble.empty();
            }
            return OptionalDouble.of(milli / 1000.0);
        } catch (NumberFormatException e) {
            return OptionalDouble.empty();
        }
    }

    /**
     * get_throttled in either form: the sysfs file ("50005", hex without prefix) or vcgencmd's
     * output ("throttled=0x50005").
     */
    public static Optional<ThrottleFlags> throttled(String text) {
        String s = text.trim();
        if (s.startsWith("throttled=")) {
            s = s.substring("throttled=".length());
        }
        if (s.startsWith("0x") || s.startsWith("0X")) {
            s = s.substring(2);
        }
        if (s.isEmpty() || s.length() > 8) {
            return Optional.empty();
        }
        try {
            return Optional.of(new ThrottleFlags((int) Long.parseLong(s, 16)));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** MemTotal and MemAvailable from /proc/meminfo, in bytes. */
    public record MemInfo(OptionalLong totalBytes, OptionalLong availableBytes) {
    }

    public static MemInfo memInfo(String text) {
        OptionalLong total = OptionalLong.empty();
        OptionalLong available = OptionalLong.empty();
        for (String line : text.split("\n")) {
            if (line.startsWith("MemTotal:")) {
                total = kibibytes(line);
            } else if (line.startsWith("MemAvailable:")) {
                available = kibibytes(line);
            }
        }
        return new MemInfo(total, available);
    }

    /** "MemTotal:        3882872 kB" (the kernel's kB are KiB). */
    private static OptionalLong kibibytes(String line) {
        String[] parts = line.substring(line.indexOf(':') + 1).trim().split("\\s+");
        if (parts.length != 2 || !parts[1].equals("kB")) {
            return OptionalLong.empty();
        }
        try {
            long kib = Long.parseLong(parts[0]);
            return kib < 0 ? OptionalLong.empty() : OptionalLong.of(kib * 1024);
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }
}
