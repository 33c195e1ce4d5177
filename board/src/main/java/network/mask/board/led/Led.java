package network.mask.board.led;

/**
 * One physical LED. Implementations talk to hardware and may throw; {@link GuardedLed} makes
 * sure a failure is logged once and the LED is then left out.
 */
public interface Led {
    /** For logs and the owner, e.g. "ACT (sysfs)" or "GPIO17". */
    String name();

    /** True when the LED can be dimmed; on/off LEDs get only 0 or 1. */
    boolean dimmable();

    /** Sets the LED: duty 0..1 (already gamma-corrected) for dimmable LEDs, 0 or 1 otherwise. */
    void write(double duty) throws Exception;

    /** Turns the LED off and releases it (e.g. gives the Pi's LED back to its kernel trigger). */
    void close() throws Exception;
}
