package network.mask.node.systemd;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Liveness from progress: each part of the daemon that must keep moving (an event loop, the
 * worker pool, the scheduler) beats from its own thread, e.g. from a small task it runs every
 * few seconds. The node is healthy while every registered part has beaten within
 * {@code maxSilence}. Use {@link #healthy()} as the {@link Watchdog}'s health check.
 */
public final class Heartbeats {

    private final InstantSource clock;
    private final Duration maxSilence;
    private final Map<String, Instant> lastBeat = new ConcurrentHashMap<>();

    public Heartbeats(InstantSource clock, Duration maxSilence) {
        if (maxSilence.isNegative() || maxSilence.isZero()) {
            throw new IllegalArgumentException("maxSilence must be positive: " + maxSilence);
        }
        this.clock = clock;
        this.maxSilence = maxSilence;
    }

    /** Records progress of {@code part}; the first beat registers it. */
    public void beat(String part) {
        lastBeat.put(part, clock.instant());
    }

    /** Stops watching {@code part}, e.g. when it shuts down on purpose. */
    public void forget(String part) {
        lastBeat.remove(part);
    }

    /** True while every registered part beat within maxSilence (and when none is registered). */
    public boolean healthy() {
        return silentPart().isEmpty();
    }

    /** The first part found silent for longer than maxSilence, for logs and status lines. */
    public Optional<String> silentPart() {
        Instant deadline = clock.instant().minus(maxSilence);
        return lastBeat.entrySet().stream()
                .filter(e -> e.getValue().isBefore(deadline))
                .map(Map.Entry::getKey)
                .sorted()
                .findFirst();
    }
}
