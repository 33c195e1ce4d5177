package network.mask.node.telemetry;

import java.time.Duration;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * Exponential reconnect backoff with jitter: the n-th consecutive failure waits a random time in
 * [d/2, d] with d = min(max, initial * 2^n). The random half keeps a fleet of nodes that lost the
 * same broker from reconnecting in lock-step when it comes back. Not thread-safe; the worker owns it.
 */
final class Backoff {

    private final Duration initial;
    private final Duration max;
    private final RandomGenerator random;
    private int failures;

    Backoff(Duration initial, Duration max, RandomGenerator random) {
        if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("backoff needs 0 < initial <= max");
        }
        this.initial = initial;
        this.max = max;
        this.random = Objects.requireNonNull(random);
    }

    /** The wait before the next attempt, after one more failure. */
    Duration nextDelay() {
        long ceiling = ceilingMillis(failures);
        failures = Math.min(failures + 1, 62);
        long floor = ceiling / 2;
        return Duration.ofMillis(floor + random.nextLong(ceiling - floor + 1));
    }

    /** A success: the next failure starts from {@code initial} again. */
    void reset() {
        failures = 0;
    }

    long ceilingMillis(int failureCount) {
        long base = initial.toMillis();
        long limit = max.toMillis();
        if (failureCount >= 62 || base > (limit >> Math.min(failureCount, 62))) return limit;
        return Math.min(limit, base << failureCount);
    }
}
