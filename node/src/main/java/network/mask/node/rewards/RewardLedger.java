package network.mask.node.rewards;

import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Turns per-epoch estimates into estimated earnings over time: when an epoch ends, the estimate
 * last seen for it is credited once (the contract pays at the epoch's end). An epoch the node was
 * restarted in is credited by the new run only, so nothing is counted twice; epochs the box was off
 * for are not credited. The caller takes the credited unym (whole ones; fractions carry over).
 */
public final class RewardLedger {

    private long lastEpoch = -1;
    private double lastOperatorUnym;
    private double pendingUnym;

    /**
     * Notes the estimate for the epoch {@code now} falls in and returns the unym credited since the
     * last call; empty while no estimate is known (not bonded, or nothing read yet).
     */
    public synchronized OptionalLong take(Instant now, Optional<RewardEstimate> current) {
        if (current.isEmpty()) {
            lastEpoch = -1;   // no longer estimable (e.g. unbonded): do not credit an epoch we stopped seeing
            return OptionalLong.empty();
        }
        long epoch = current.get().interval().epochAt(now);
        if (lastEpoch >= 0 && epoch > lastEpoch) pendingUnym += lastOperatorUnym;
        if (epoch >= lastEpoch) {
            lastEpoch = epoch;
            lastOperatorUnym = current.get().operatorUnym();
        }
        long whole = (long) Math.floor(pendingUnym);
        pendingUnym -= whole;
        return OptionalLong.of(whole);
    }
}
