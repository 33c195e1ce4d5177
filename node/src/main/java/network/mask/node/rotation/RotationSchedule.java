package network.mask.node.rotation;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The network's key-rotation schedule as nym-api reports it in {@code GET /v1/epoch/key-rotation-info}
 * ({@code nym-api/nym-api-requests/src/models/mixnet.rs}, {@code KeyRotationDetails}, with
 * {@code key_rotation_state} flattened into the two fields below). Rotation ids follow the
 * mixnet contract's rule ({@code common/cosmwasm-smart-contracts/mixnet-contract/src/key_rotation.rs}):
 * {@code rotation(epoch) = saturating(epoch - initialEpochId) / validityEpochs}.
 *
 * <p>Epoch and rotation ids are u32 on the wire; they are held in {@code long} and checked to be
 * in range, so arithmetic here never wraps.
 *
 * @param validityEpochs how many epochs one Sphinx key is valid for (24 on mainnet)
 * @param initialEpochId the epoch at which key rotation began
 * @param currentAbsoluteEpochId the epoch the network is in now
 * @param currentEpochStart when that epoch started
 * @param epochDuration how long one epoch lasts (1 h on mainnet)
 */
public record RotationSchedule(
        long validityEpochs,
        long initialEpochId,
        long currentAbsoluteEpochId,
        Instant currentEpochStart,
        Duration epochDuration) {

    static final long U32_MAX = 0xFFFF_FFFFL;

    public RotationSchedule {
        Objects.requireNonNull(currentEpochStart, "currentEpochStart");
        Objects.requireNonNull(epochDuration, "epochDuration");
        if (validityEpochs < 1 || validityEpochs > U32_MAX) {
            throw new IllegalArgumentException("validity_epochs must be 1.." + U32_MAX + ", got " + validityEpochs);
        }
        if (initialEpochId < 0 || initialEpochId > U32_MAX) {
            throw new IllegalArgumentException("initial_epoch_id out of u32 range: " + initialEpochId);
        }
        if (currentAbsoluteEpochId < 0 || currentAbsoluteEpochId > U32_MAX) {
            throw new IllegalArgumentException("current_absolute_epoch_id out of u32 range: " + currentAbsoluteEpochId);
        }
        if (epochDuration.isNegative() || epochDuration.isZero()) {
            throw new IllegalArgumentException("epoch_duration must be positive, got " + epochDuration);
        }
    }

    /** The rotation id the given epoch belongs to. */
    public long rotationIdOf(long epochId) {
        return Math.max(0, epochId - initialEpochId) / validityEpochs;
    }

    /** The rotation the network is in now, by its epoch counter. */
    public long currentRotationId() {
        return rotationIdOf(currentAbsoluteEpochId);
    }

    /** The first epoch of the given rotation. */
    public long firstEpochOf(long rotationId) {
        return initialEpochId + validityEpochs * rotationId;
    }

    /**
     * When the given epoch starts (or started), extrapolated from the current epoch's start at a
     * steady epoch duration, as nym-node's key-rotation controller does.
     */
    public Instant epochStart(long epochId) {
        return currentEpochStart.plus(epochDuration.multipliedBy(epochId - currentAbsoluteEpochId));
    }
}
