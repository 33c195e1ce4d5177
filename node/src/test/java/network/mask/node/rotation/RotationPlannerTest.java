package network.mask.node.rotation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** nym-node's rotation rules and guards (controller.rs, try_determine_next_action), branch by branch. */
class RotationPlannerTest {

    static final Duration HOUR = Duration.ofHours(1);
    // Mainnet's shape: 24 epochs per rotation, 1 h epochs; rotation 5 spans epochs 1120..1143.
    final SteppedNetwork net = new SteppedNetwork(24, 1000, HOUR);

    RotationAction at(Instant now, long primary, OptionalLong secondary) {
        net.setTime(now);
        return RotationPlanner.next(net.latest().orElseThrow(), now, primary, secondary);
    }

    @Test
    void preAnnouncesOneEpochBeforeTheRotation() {
        RotationAction a = at(net.startOf(1125).plusSeconds(10), 5, OptionalLong.empty());
        assertEquals(RotationAction.Kind.PRE_ANNOUNCE, a.kind());
        assertEquals(6, a.rotationId());
        assertEquals(net.startOf(1143), a.at(), "the last epoch of rotation 5");
    }

    @Test
    void swapsAtTheBoundaryAndPurgesAfterOneEpoch() {
        RotationAction swap = at(net.startOf(1143).plusSeconds(10), 5, OptionalLong.of(6));
        assertEquals(RotationAction.Kind.SWAP, swap.kind());
        assertEquals(6, swap.rotationId());
        assertEquals(net.startOf(1144), swap.at());

        RotationAction purge = at(net.startOf(1144).plusSeconds(10), 6, OptionalLong.of(5));
        assertEquals(RotationAction.Kind.PURGE, purge.kind());
        assertEquals(net.startOf(1145), purge.at(), "the overlap is the new rotation's first epoch");
    }

    @Test
    void catchesUpAtOnce() {
        Instant now = net.startOf(1130).plusSeconds(10);
        RotationAction stale = at(now, 2, OptionalLong.empty());
        assertEquals(RotationAction.Kind.PRE_ANNOUNCE, stale.kind());
        assertEquals(5, stale.rotationId(), "a key for the current rotation");
        assertEquals(now, stale.at());
        // The rotation starts next epoch: the key is made for the next rotation instead.
        now = net.startOf(1143).plusSeconds(10);
        assertEquals(6, at(now, 2, OptionalLong.empty()).rotationId());

        now = net.startOf(1130).plusSeconds(10);
        RotationAction late = at(now, 4, OptionalLong.of(5));
        assertEquals(RotationAction.Kind.SWAP, late.kind());
        assertEquals(now, late.at(), "a secondary for the current rotation is swapped in now");
        RotationAction old = at(now, 5, OptionalLong.of(2));
        assertEquals(RotationAction.Kind.PURGE, old.kind());
        assertEquals(now, old.at(), "a key older than the previous rotation is purged now");
    }

    @Test
    void waitsWhileTheEpochIsStuck() {
        net.setTime(net.startOf(1130));
        net.freezeEpoch(1130L);
        Instant now = net.startOf(1131).plus(HOUR.multipliedBy(3).dividedBy(10));   // 30 % overdue
        RotationAction a = RotationPlanner.next(net.latest().orElseThrow(), now, 5, OptionalLong.empty());
        assertEquals(RotationAction.Kind.WAIT, a.kind());
        assertEquals(now.plusSeconds(240), a.at());
        assertTrue(a.why().contains("stuck"), a.why());
        // 10 % overdue is not stuck: a copy learned before the boundary, carried forward to now.
        now = net.startOf(1131).plus(HOUR.dividedBy(10));
        RotationAction b = RotationPlanner.next(net.latest().orElseThrow(), now, 5, OptionalLong.empty());
        assertEquals(RotationAction.Kind.PRE_ANNOUNCE, b.kind(), b.why());
    }

    @Test
    void aSwapDueAtTheBoundaryIsTakenFromACopyLearnedBeforeIt() {
        // Learned in the last epoch of rotation 5 (epochs 1120..1143 with validity 24), used a moment after rotation 6 began.
        net.setTime(net.startOf(1143).plusSeconds(10));
        RotationSchedule learned = net.latest().orElseThrow();
        Instant justAfter = net.startOf(1144).plusMillis(5);
        RotationAction a = RotationPlanner.next(learned, justAfter, 5, OptionalLong.of(6));
        assertEquals(RotationAction.Kind.SWAP, a.kind(), a.why());
        assertEquals(6, a.rotationId());
        assertFalse(justAfter.isBefore(a.at()), "due now, not after a wait");
    }

    @Test
    void guardTimesShrinkWithShortEpochsAndAreNymsOnMainnet() {
        RotationSchedule hour = new RotationSchedule(24, 0, 100, Instant.EPOCH, HOUR);
        RotationSchedule fiveSeconds = new RotationSchedule(3, 0, 100, Instant.EPOCH, Duration.ofSeconds(5));
        assertEquals(Duration.ofSeconds(30), RotationPlanner.scaled(RotationPlanner.TOO_CLOSE, hour));
        assertEquals(Duration.ofSeconds(240), RotationPlanner.scaled(RotationPlanner.STUCK_WAIT, hour));
        assertEquals(Duration.ofNanos(41_666_666), RotationPlanner.scaled(RotationPlanner.TOO_CLOSE, fiveSeconds));
    }

    @Test
    void waitsWhenThisClockDisagreesWithTheNetworksRotation() {
        // The network already reports rotation 6's first epoch, but this clock is 10 s behind it.
        net.setTime(net.startOf(1144).plusSeconds(1));
        Instant behind = net.startOf(1144).minusSeconds(10);
        RotationAction a = RotationPlanner.next(net.latest().orElseThrow(), behind, 5, OptionalLong.of(6));
        assertEquals(RotationAction.Kind.WAIT, a.kind());
        assertEquals(behind.plusSeconds(30), a.at());
        assertTrue(a.why().contains("expects rotation 5"), a.why());
    }

    @Test
    void waitsWhenTooCloseToTheBoundary() {
        Instant now = net.startOf(1144).minusSeconds(20);
        RotationAction a = at(now, 5, OptionalLong.empty());
        assertEquals(RotationAction.Kind.WAIT, a.kind(), "no key made 20 s before it would be thrown away");
        assertEquals(now.plusSeconds(30), a.at());
        assertEquals(RotationAction.Kind.PRE_ANNOUNCE, at(net.startOf(1144).minusSeconds(31), 5, OptionalLong.empty()).kind());
    }
}
