package network.mask.board.time;

/**
 * Milliseconds on a clock that never jumps (NTP steps do not bend LED timing or press lengths).
 * Tests inject a virtual clock so patterns and presses are checked without sleeping.
 */
@FunctionalInterface
public interface MonotonicClock {
    long millis();

    /** The JVM's monotonic clock. */
    static MonotonicClock system() {
        return () -> System.nanoTime() / 1_000_000L;
    }
}
