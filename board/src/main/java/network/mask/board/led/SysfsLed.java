package network.mask.board.led;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

import network.mask.board.LedRole;

/**
 * One of the Pi's own LEDs through the kernel's LED class (/sys/class/leds/NAME). Taking it sets
 * trigger "none" so the kernel stops driving it; closing puts the original trigger back.
 */
public final class SysfsLed implements Led {
    private static final Logger LOG = Logger.getLogger(SysfsLed.class.getName());

    private final Path dir;
    private final int maxBrightness;
    private final Optional<String> originalTrigger;

    private SysfsLed(Path dir, int maxBrightness, Optional<String> originalTrigger) {
        this.dir = dir;
        this.maxBrightness = maxBrightness;
        this.originalTrigger = originalTrigger;
    }

    /**
     * The Pi's ACT LED as STATUS and PWR LED as ALERT, where the kernel exposes them writable
     * (names ACT/PWR on current kernels, led0/led1 on older ones). Missing ones are logged and skipped.
     */
    public static List<LedDriver.Binding> findOnboard(Path root) {
        List<LedDriver.Binding> found = new ArrayList<>();
        Path leds = root.resolve("sys/class/leds");
        open(leds, "ACT", "led0").ifPresent(l -> found.add(new LedDriver.Binding(LedRole.STATUS, new GuardedLed(l))));
        open(leds, "PWR", "led1").ifPresent(l -> found.add(new LedDriver.Binding(LedRole.ALERT, new GuardedLed(l))));
        return found;
    }

    static Optional<SysfsLed> open(Path leds, String name, String legacyName) {
        Path dir = Files.isDirectory(leds.resolve(name)) ? leds.resolve(name) : leds.resolve(legacyName);
        if (!Files.isDirectory(dir)) {
            LOG.info("No " + name + " LED at " + leds + "; it is left out");
            return Optional.empty();
        }
        if (!Files.isWritable(dir.resolve("brightness")) || !Files.isWritable(dir.resolve("trigger"))) {
            LOG.info("LED " + dir + " is not writable by this user; it is left out");
            return Optional.empty();
        }
        try {
            int max = readMax(dir.resolve("max_brightness"));
            Optional<String> trigger = activeTrigger(Files.readString(dir.resolve("trigger")));
            write(dir.resolve("trigger"), "none");
            return Optional.of(new SysfsLed(dir, max, trigger));
        } catch (IOException | RuntimeException e) {
            LOG.warning("LED " + dir + " cannot be taken over (" + e + "); it is left out");
            return Optional.empty();
        }
    }

    /** The trigger file lists all triggers with the active one in brackets: "none [mmc0] timer". */
    static Optional<String> activeTrigger(String triggerFile) {
        int open = triggerFile.indexOf('[');
        int close = triggerFile.indexOf(']', open + 1);
        if (open < 0 || close < 0) {
            return Optional.empty();
        }
        String name = triggerFile.substring(open + 1, close).trim();
        return name.isEmpty() ? Optional.empty() : Optional.of(name);
    }

    private static int readMax(Path file) throws IOException {
        if (!Files.exists(file)) {
            return 1;
        }
        try {
            int max = Integer.parseInt(Files.readString(file).trim());
            return max >= 1 ? max : 1;
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    @Override
    public String name() {
        return dir.getFileName() + " (sysfs)";
    }

    @Override
    public boolean dimmable() {
        return maxBrightness > 1;
    }

    @Override
    public void write(double duty) throws IOException {
        long value = Math.round(duty * maxBrightness);
        if (duty > 0 && value == 0) {
            value = 1;
        }
        write(dir.resolve("brightness"), Long.toString(value));
    }

    @Override
    public void close() throws IOException {
        write(dir.resolve("brightness"), "0");
        if (originalTrigger.isPresent()) {
            write(dir.resolve("trigger"), originalTrigger.get());
        }
    }

    /** sysfs attributes exist already; never create a file in their place. */
    private static void write(Path file, String value) throws IOException {
        Files.writeString(file, value, StandardCharsets.US_ASCII, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING);
    }
}
