package network.mask.node.rotation;

import java.time.Duration;
import java.time.Instant;
import java.util.OptionalLong;

/**
 * Decides the next key-rotation step from the network's schedule, the time and the node's key
 * ids. The rules are nym-node's ({@code nym-node/src/node/key_rotation/controller.rs},
 * {@code try_determine_next_action}), with its guards:
 * <ul>
 *   <li>the epoch is stuck (more than 20 % overdue): wait 240 s;</li>
 *   <li>the rotation this node's clock expects differs from the schedule's: wait 30 s;</li>
 *   <li>the epoch is overdue, or less than 30 s remain before the next rotation: wait 30 s.</li>
 * </ul>
 * nym's own stuck and clock checks ({@code nym-api-requests/src/models/mixnet.rs},
 * {@code is_epoch_stuck}, {@code expected_current_rotation_id}) compute values that can never
 * trigger as written; this follows what their comments and names say they are for.
 * Pure: no clock, no I/O, so every branch is tested directly.
 */
public final class RotationPlanner {

    static final Duration STUCK_WAIT = Duration.ofSeconds(240);
    static final Duration SHORT_WAIT = Duration.ofSeconds(30);
    static final Duration TOO_CLOSE = Duration.ofSeconds(30);
    static final double STUCK_PROGRESS = 1.2;

    private RotationPlanner() {}

    public static RotationAction next(RotationSchedule s, Instant now, long primaryId, OptionalLong secondaryId) {
        double progress = progress(s, now);
        if (progress > STUCK_PROGRESS) {
            return RotationAction.waitUntil(now.plus(STUCK_WAIT), "epoch " + s.currentAbsoluteEpochId()
                    + " is stuck (more than 20% overdue): key rotation waits for the network");
        }
        long current = s.currentRotationId();
        long expected = s.rotationIdOf(expectedEpoch(s, now));
        if (current != expected) {
            return RotationAction.waitUntil(now.plus(SHORT_WAIT), "this clock expects rotation " + expected
                    + " while the network is in rotation " + current);
        }
        long nextStartEpoch = s.firstEpochOf(current + 1);
        Instant nextRotation = s.epochStart(nextStartEpoch);
        if (progress > 1 || Duration.between(now, nextRotation).compareTo(TOO_CLOSE) < 0) {
            return RotationAction.waitUntil(now.plus(SHORT_WAIT), "epoch overdue or less than 30 s before rotation "
                    + (current + 1));
        }
        long next = current + 1;
        boolean rotatesNextEpoch = nextStartEpoch == s.currentAbsoluteEpochId() + 1;
        if (secondaryId.isEmpty()) {
            if (primaryId != current) {
                long id = rotatesNextEpoch ? next : current;
                return RotationAction.preAnnounce(id, now, "the primary key (rotation " + primaryId
                        + ") is not the current rotation's (" + current + ")");
            }
            return RotationAction.preAnnounce(next, s.epochStart(nextStartEpoch - 1),
                    "one epoch before rotation " + next);
        }
        long secondary = secondaryId.getAsLong();
        if (secondary == next) {
            return RotationAction.swap(next, nextRotation, "rotation " + next + " begins");
        }
        if (secondary == current) {
            return RotationAction.swap(current, now, "the secondary key is the current rotation's");
        }
        if (secondary < current) {
            if (secondary == current - 1) {
                return RotationAction.purge(s.epochStart(s.firstEpochOf(current) + 1),
                        "the overlap epoch of rotation " + secondary + " ends");
            }
            return RotationAction.purge(now, "the secondary key is from an old rotation (" + secondary + ")");
        }
        return RotationAction.waitUntil(now.plus(STUCK_WAIT), "the secondary key's rotation " + secondary
                + " is ahead of the network's next (" + next + "); waiting");
    }

    /** How far into the current epoch {@code now} is: 0 at its start, 1 at its expected end. */
    static double progress(RotationSchedule s, Instant now) {
        return (double) Duration.between(s.currentEpochStart(), now).toNanos() / s.epochDuration().toNanos();
    }

    /** The epoch this node's clock says it is, extrapolating the schedule's. */
    static long expectedEpoch(RotationSchedule s, Instant now) {
        long elapsed = Math.floorDiv(Duration.between(s.currentEpochStart(), now).toNanos(), s.epochDuration().toNanos());
        return Math.max(0, s.currentAbsoluteEpochId() + elapsed);
    }
}
