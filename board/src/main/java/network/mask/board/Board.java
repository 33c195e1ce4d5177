package network.mask.board;

import java.time.Duration;
import java.util.Set;

import network.mask.board.platform.PiBoard;

/**
 * The box's LEDs, button and health, as the node uses them. The node reports conditions; the
 * board decides by priority which state the LEDs show (see {@link NodeState}).
 *
 * <p>Every method is thread-safe and never throws because an LED, the button or a sensor is
 * missing or broken: those are logged once and left out.
 */
public interface Board extends AutoCloseable {

    /**
     * Opens the board: the Pi's LEDs through sysfs, GPIO LEDs and the button through Pi4J (gpiod /
     * linuxfs on a Pi, the mock platform on a PC), timing on a background thread. Starts BOOTING.
     */
    static Board open(BoardConfig config) {
        return PiBoard.open(config);
    }

    /** Starting up; the node clears this once its services are up. Initially true. */
    void setBooting(boolean booting);

    /** No owner / configuration yet. */
    void setSetupNeeded(boolean needed);

    /** The setup page waits for a short press to confirm the claim. */
    void setClaiming(boolean claiming);

    /**
     * Marks one reason for running degraded as active or not, e.g. "no-peers", "broker-down".
     * The board adds its own from health readings: cpu-hot, throttled, under-voltage, memory-low,
     * disk-low.
     *
     * @throws IllegalArgumentException if the reason is blank or longer than 64 characters
     */
    void setDegraded(String reason, boolean active);

    /**
     * The node cannot do its job; the message is for the setup page, never shown on the LEDs.
     *
     * @throws IllegalArgumentException if the message is blank
     */
    void setError(String message);

    void clearError();

    /**
     * Shows the identify pattern for this long; {@link Duration#ZERO} stops it.
     *
     * @throws IllegalArgumentException if negative or longer than 1 hour
     */
    void identify(Duration duration);

    /**
     * Packets forwarded per second, averaged by the node. From 1/s the running light flickers,
     * faster as the rate doubles.
     *
     * @throws IllegalArgumentException if negative or NaN
     */
    void setPacketRate(double packetsPerSecond);

    /** @throws IllegalArgumentException outside 0..1 */
    void setBrightness(double brightness);

    /** Owner's "LEDs off" setting; identify and the reset countdown still show. */
    void setLedsEnabled(boolean enabled);

    /** The state the LEDs show now. */
    NodeState state();

    /** Active degraded reasons, the node's and the board's own. */
    Set<String> degradedReasons();

    /** The pattern on display and every LED role's level. */
    LedView currentPattern();

    /** The latest health readings (refreshed every 10 s). */
    HealthSnapshot health();

    /** What drives the GPIO pins: "gpiod" on a Pi, "mock" on a PC (dev mode), "none" without GPIO. */
    String platform();

    void addButtonListener(ButtonListener listener);

    void setFactoryResetHandler(FactoryResetHandler handler);

    /** Turns the LEDs off, hands the Pi's LEDs back to the kernel, releases the GPIO pins. */
    @Override
    void close();
}
