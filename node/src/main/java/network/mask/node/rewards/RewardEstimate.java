package network.mask.node.rewards;

import java.time.Instant;
import network.mask.node.nymapi.EpochInterval;

/**
 * One epoch's estimated reward for the node, in unym, split as the contract splits it, with what
 * it was estimated from.
 *
 * @param totalUnym      the node's whole reward (operator and delegators)
 * @param operatorUnym   the operator's share, operating cost included (as the contract pays it)
 * @param delegatesUnym  the delegators' share
 * @param operatingCostUnym the operating cost for this epoch (already in {@code operatorUnym})
 * @param interval       the rewarding interval, to count epochs on
 * @param asOf           when nym-api gave the inputs
 */
public record RewardEstimate(double totalUnym, double operatorUnym, double delegatesUnym, double operatingCostUnym,
                             EpochInterval interval, Instant asOf) {

    static final double UNYM_PER_NYM = 1_000_000;

    /** The operator's share for one epoch, in NYM. */
    public double operatorNymPerEpoch() {
        return operatorUnym / UNYM_PER_NYM;
    }

    /** At this epoch's rate, for a day of epochs, in NYM. */
    public double operatorNymPerDay() {
        return operatorNymPerEpoch() * interval.epochsPerDay();
    }

    /** At this epoch's rate, for 30 days of epochs, in NYM. */
    public double operatorNymPer30Days() {
        return operatorNymPerDay() * 30;
    }
}
