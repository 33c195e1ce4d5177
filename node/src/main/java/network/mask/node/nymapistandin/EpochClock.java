package network.mask.node.nymapistandin;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import network.mask.node.rotation.RotationSchedule;

/**
 * The stand-in's epochs: epoch {@code initialEpochId} starts at {@code genesis}, each lasts
 * {@code epochDuration}, and a Sphinx key is valid for {@code validityEpochs} epochs, so the rotation
 * id follows the mixnet contract's rule ({@code common/cosmwasm-smart-contracts/mixnet-contract/src/key_rotation.rs}).
 * A real network's epochs advance when the contract is told to; these advance with the clock.
 */
public record EpochClock(Instant genesis, Duration epochDuration, long validityEpochs, long initialEpochId, Clock clock) {

    public EpochClock {
        if (epochDuration.isZero() || epochDuration.isNegative()) throw new IllegalArgumentException("epoch must be positive");
        if (validityEpochs < 1) throw new IllegalArgumentException("validity_epochs must be at least 1");
    }

    /** Epochs of {@code epochDuration} starting now, rotations every {@code validityEpochs}, counting from epoch 0. */
    public static EpochClock startingNow(Duration epochDuration, long validityEpochs, Clock clock) {
        return new EpochClock(clock.instant(), epochDuration, validityEpochs, 0, clock);
    }

    public long currentEpoch() {
        long elapsed = Math.max(0, Duration.between(genesis, clock.instant()).toNanos());
        return initialEpochId + elapsed / epochDuration.toNanos();
    }

    /** The schedule as nym-api would report it now. */
    public RotationSchedule schedule() {
        long epoch = currentEpoch();
        return new RotationSchedule(validityEpochs, initialEpochId, epoch,
                genesis.plus(epochDuration.multipliedBy(epoch - initialEpochId)), epochDuration);
    }

    public long currentRotationId() {
        return schedule().currentRotationId();
    }

    /** Time until the next epoch starts. */
    public Duration untilNextEpoch() {
        RotationSchedule s = schedule();
        Duration d = Duration.between(clock.instant(), s.epochStart(s.currentAbsoluteEpochId() + 1));
        return d.isNegative() ? Duration.ZERO : d;
    }

    /**
     * Time until a quarter of an epoch before the next rotation begins, when nym-api re-describes
     * every node to pick up their pre-announced keys ({@code nym-api/src/key_rotation/mod.rs}); zero
     * once that moment has passed in the current rotation.
     */
    public Duration untilPreRotationRefresh() {
        RotationSchedule s = schedule();
        Instant at = s.epochStart(s.firstEpochOf(s.currentRotationId() + 1)).minus(epochDuration.dividedBy(4));
        Duration d = Duration.between(clock.instant(), at);
        return d.isNegative() ? Duration.ZERO : d;
    }
}
