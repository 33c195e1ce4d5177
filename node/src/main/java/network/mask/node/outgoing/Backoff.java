package network.mask.node.outgoing;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * Reconnect delays: doubling from {@code initial} up to {@code max}, with "equal jitter"
 * (half fixed, half random) so that many nodes losing the same peer do not retry in lockstep.
 */
public record Backoff(Duration initial, Duration max) {

    public Backoff {
        if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("need 0 < initial <= max");
        }
    }

    /** Delay before attempt number {@code failures + 1}, after {@code failures} (>= 1) failures in a row. */
    public long delayNanos(int failures, RandomGenerator random) {
        long base = initial.toNanos();
        long cap = max.toNanos();
        int shift = Math.min(Math.max(0, failures - 1), 40);
        long delay = base > (cap >> shift) ? cap : Math.min(cap, base << shift);
        long half = delay / 2;
        return half + random.nextLong(half + 1);
    }
}
