package network.mask.board;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.Set;

/**
 * How the box is wired and how bright its LEDs are.
 *
 * @param root            where /sys and /proc are read from: "/" on a device, a fixture tree in tests
 * @param dataDir         the node's data directory, whose file system's free space is reported
 * @param onboardLeds     drive the Pi's own ACT (STATUS) and PWR (ALERT) LEDs when writable
 * @param gpioLeds        extra LEDs on GPIO pins
 * @param buttonBcm       BCM pin of the push button, empty if there is none
 * @param buttonActiveLow true when the button pulls the pin to ground (internal pull-up used)
 * @param brightness      0..1, scales every LED (PWM duty; on/off LEDs go dark only at 0)
 * @param ledsEnabled     false darkens the LEDs except for identify and the reset countdown
 */
public record BoardConfig(Path root, Path dataDir, boolean onboardLeds, List<GpioLed> gpioLeds,
                          OptionalInt buttonBcm, boolean buttonActiveLow, double brightness,
                          boolean ledsEnabled) {

    public BoardConfig {
        Objects.requireNonNull(root, "root");
        Objects.requireNonNull(dataDir, "dataDir");
        gpioLeds = List.copyOf(gpioLeds);
        Objects.requireNonNull(buttonBcm, "buttonBcm");
        requireBrightness(brightness);
        Set<Integer> pins = new HashSet<>();
        Set<Integer> channels = new HashSet<>();
        for (GpioLed led : gpioLeds) {
            if (!pins.add(led.bcm())) {
                throw new IllegalArgumentException("GPIO " + led.bcm() + " is used by two LEDs");
            }
            if (led.pwmChannel().isPresent() && !channels.add(led.pwmChannel().getAsInt())) {
                throw new IllegalArgumentException("PWM channel " + led.pwmChannel().getAsInt() + " is used by two LEDs");
            }
        }
        if (buttonBcm.isPresent()) {
            int pin = buttonBcm.getAsInt();
            if (pin < 0 || pin > 27) {
                throw new IllegalArgumentException("button pin must be a BCM GPIO number 0..27, got " + pin);
            }
            if (pins.contains(pin)) {
                throw new IllegalArgumentException("GPIO " + pin + " is both an LED and the button");
            }
        }
    }

    /** A device with the Pi's own LEDs, no GPIO extras, no button, full brightness. */
    public static BoardConfig defaults(Path dataDir) {
        return new BoardConfig(Path.of("/"), dataDir, true, List.of(), OptionalInt.empty(), true, 1.0, true);
    }

    public BoardConfig withRoot(Path newRoot) {
        return new BoardConfig(newRoot, dataDir, onboardLeds, gpioLeds, buttonBcm, buttonActiveLow, brightness, ledsEnabled);
    }

    public BoardConfig withOnboardLeds(boolean use) {
        return new BoardConfig(root, dataDir, use, gpioLeds, buttonBcm, buttonActiveLow, brightness, ledsEnabled);
    }

    public BoardConfig withGpioLeds(List<GpioLed> leds) {
        return new BoardConfig(root, dataDir, onboardLeds, leds, buttonBcm, buttonActiveLow, brightness, ledsEnabled);
    }

    public BoardConfig withButton(int bcm, boolean activeLow) {
        return new BoardConfig(root, dataDir, onboardLeds, gpioLeds, OptionalInt.of(bcm), activeLow, brightness, ledsEnabled);
    }

    public BoardConfig withBrightness(double value) {
        return new BoardConfig(root, dataDir, onboardLeds, gpioLeds, buttonBcm, buttonActiveLow, value, ledsEnabled);
    }

    public BoardConfig withLedsEnabled(boolean enabled) {
        return new BoardConfig(root, dataDir, onboardLeds, gpioLeds, buttonBcm, buttonActiveLow, brightness, enabled);
    }

    /** Rejects NaN and values outside 0..1 (a typo in the settings must not blind or darken the box). */
    public static double requireBrightness(double value) {
        if (!(value >= 0.0 && value <= 1.0)) {
            throw new IllegalArgumentException("brightness must be between 0 and 1, got " + value);
        }
        return value;
    }
}
