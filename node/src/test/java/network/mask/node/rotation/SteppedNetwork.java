package network.mask.node.rotation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * A network whose epochs advance with a clock the test moves by hand: the schedule nym-api would
 * report at the clock's time (epochs of {@code epoch}, rotations of {@code validity} epochs from
 * epoch {@code initialEpoch}). Also the clock itself, so node and network agree unless a test
 * makes them disagree ({@link #freezeEpoch}, or a schedule that lags).
 */
public final class SteppedNetwork extends Clock implements RotationScheduleSource {

    public static final Instant GENESIS = Instant.parse("2026-05-01T00:00:00Z");

    private final long validity;
    private final long initialEpoch;
    private final Duration epoch;
    private volatile Instant now;
    private volatile Long frozenEpoch;
    private volatile boolean known = true;

    public SteppedNetwork(long validity, long initialEpoch, Duration epoch) {
        this.validity = validity;
        this.initialEpoch = initialEpoch;
        this.epoch = epoch;
        this.now = GENESIS;
    }

    /** When the given absolute epoch starts ({@code initialEpoch} starts at {@link #GENESIS}). */
    public Instant startOf(long absoluteEpoch) {
        return GENESIS.plus(epoch.multipliedBy(absoluteEpoch - initialEpoch));
    }

    /** The first epoch of the given rotation. */
    public long firstEpochOf(long rotation) {
        return initialEpoch + validity * rotation;
    }

    public void setTime(Instant t) {
        now = t;
    }

    /** Stops the network's epoch counter where it is (a stuck epoch); null lets it run again. */
    public void freezeEpoch(Long epochId) {
        frozenEpoch = epochId;
    }

    /** Whether nym-api was ever reached: false makes {@link #latest()} empty. */
    public void known(boolean k) {
        known = k;
    }

    public long epochAt(Instant t) {
        return initialEpoch + Math.floorDiv(Duration.between(GENESIS, t).toNanos(), epoch.toNanos());
    }

    @Override
    public Optional<RotationSchedule> latest() {
        if (!known) return Optional.empty();
        long e = frozenEpoch != null ? frozenEpoch : epochAt(now);
        return Optional.of(new RotationSchedule(validity, initialEpoch, e, startOf(e), epoch));
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        return now;
    }
}
