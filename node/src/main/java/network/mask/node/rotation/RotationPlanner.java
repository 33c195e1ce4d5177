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
 *   <li>this node's clock is behind the schedule (its epoch has not begun here yet) and expects
 *       another rotation: wait 30 s;</li>
 *   <li>less than 30 s remain before the next rotation: wait 30 s.</li>
 * </ul>
 * A schedule that is overdue but not stuck is a copy learned up to one refresh ago: it is carried
 * forward to now at its epoch length, which is what nym-node's controller does in effect with its
 * cached copy (its own stuck and clock checks in {@code nym-api-requests/src/models/mixnet.rs},
 * {@code is_epoch_stuck} and {@code expected_current_rotation_id}, compute values that can never
 * trigger as written). Otherwise a swap due at a rotation boundary could never be taken from a
 * copy fetched before that boundary.
 *
 * <p>nym's guard times are for its one-hour epochs; here they shrink in proportion with shorter
 * epochs (the local mixnet's seconds-long ones) and are nym's exactly on mainnet.
 * Pure: no clock, no I/O, so every branch is tested directly.
 */
public final class RotationPlanner {

    static final Duration STUCK_WAIT = Duration.ofSeconds(240);
    static final Duration SHORT_WAIT = Duration.ofSeconds(30);
    static final Duration TOO_CLOSE = Duration.ofSeconds(30);
    static final double STUCK_PROGRESS = 1.2;
    /** The epoch length nym's guard times were chosen for (mainnet). */
    static final Duration NYM_EPOCH = Duration.ofHours(1);

    private RotationPlanner() {}

    public static RotationAction next(RotationSchedule learned, Instant now, long primaryId, OptionalLong secondaryId) {
        double progress = progress(learned, now);
        if (progress > STUCK_PROGRESS) {
            return RotationAction.waitUntil(now.plus(scaled(STUCK_WAIT, learned)), "epoch " + learned.currentAbsoluteEpochId()
                    + " is stuck (more than 20% overdue): key rotation waits for the network");
        }
        long expected = learned.rotationIdOf(expectedEpoch(learned, now));
        if (now.isBefore(learned.currentEpochStart()) && learned.currentRotationId() != expected) {
            return RotationAction.waitUntil(now.plus(scaled(SHORT_WAIT, learned)), "this clock expects rotation " + expected
                    + " while the network is in rotation " + learned.currentRotationId());
        }
        RotationSchedule s = carriedForward(learned, now);
        long current = s.currentRotationId();
        long nextStartEpoch = s.firstEpochOf(current + 1);
        Instant nextRotation = s.epochStart(nextStartEpoch);
        if (Duration.between(now, nextRotation).compareTo(scaled(TOO_CLOSE, s)) < 0) {
            return RotationAction.waitUntil(now.plus(scaled(SHORT_WAIT, s)), "too close to the start of rotation "
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
        return RotationAction.waitUntil(now.plus(scaled(STUCK_WAIT, s)), "the secondary key's rotation " + secondary
                + " is ahead of the network's next (" + next + "); waiting");
    }

    /** A guard time of nym's, in proportion to this schedule's epoch when it is shorter than nym's hour. */
    static Duration scaled(Duration nymTime, RotationSchedule s) {
        if (s.epochDuration().compareTo(NYM_EPOCH) >= 0) return nymTime;
        return Duration.ofNanos(Math.max(1_000_000L,
                (long) ((double) nymTime.toNanos() * s.epochDuration().toNanos() / NYM_EPOCH.toNanos())));
    }

    /** The schedule as it stands at {@code now}, when {@code now} is past the end of its current epoch. */
    static RotationSchedule carriedForward(RotationSchedule s, Instant now) {
        long epoch = expectedEpoch(s, now);
        if (epoch <= s.currentAbsoluteEpochId()) return s;
        return new RotationSchedule(s.validityEpochs(), s.initialEpochId(), epoch, s.epochStart(epoch), s.epochDuration());
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
