package network.mask.node.telemetry;

/**
 * Board health as the telemetry reads it; the board adapter implements it. Each reading may lack
 * any value (a PC has no throttling flags, a container may hide the temperature), and a value that
 * disappears removes its Home Assistant entity. Called from the telemetry thread, never from the
 * mixing path, so a slow sysfs read costs nothing but telemetry time.
 */
@FunctionalInterface
public interface HealthSource {

    HealthReading read();

    /** For nodes without a board: every value absent. */
    HealthSource NONE = HealthReading::empty;
}
