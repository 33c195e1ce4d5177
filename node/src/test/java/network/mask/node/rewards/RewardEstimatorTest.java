package network.mask.node.rewards;

import static org.junit.jupiter.api.Assertions.*;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;
import network.mask.node.nymapi.EpochInterval;
import network.mask.node.nymapi.NodeBond;
import network.mask.node.nymapi.NodeRole;
import network.mask.node.nymapi.RewardInputs;
import network.mask.node.nymapi.RewardingParams;
import org.junit.jupiter.api.Test;

/**
 * The estimate against the mixnet contract's own expected figures and against figures worked out
 * by hand from its formula.
 */
class RewardEstimatorTest {

    static final Instant T0 = Instant.parse("2026-03-01T00:00:00Z");
    static final EpochInterval HOURLY_720 = new EpochInterval(0, 720, T0, 0, Duration.ofHours(1), 1000);

    /**
     * The contract's simulator base case ({@code mixnet-contract/src/rewarding/simulator/mod.rs},
     * {@code base_simulator}): reward pool 250M NYM, staking supply 100M NYM, 2 % emission over 720
     * epochs, rewarded set 20 + 50 + 30 active and 140 standby, alpha 30 %, work factor 10.
     */
    static RewardingParams simulatorParams() {
        double pool = 250_000_000_000_000d;
        double supply = 100_000_000_000_000d;
        return new RewardingParams(pool, supply, 1, 0.02 * pool / 720, supply / 240, 0.3, 10, 0.02, 20, 50, 30, 140);
    }

    /** Its node: 10 % profit margin, 40 NYM operating cost an interval. */
    static NodeBond simulatorBond(double pledgeUnym, double delegatesUnym) {
        return new NodeBond(1, "id", pledgeUnym, false, pledgeUnym, delegatesUnym, 0.1, 40_000_000);
    }

    static RewardInputs inputs(RewardingParams p, NodeBond b) {
        return new RewardInputs(p, HOURLY_720, b, T0);
    }

    @Test
    void matchesTheContractsSimulatorForALoneOperator() {
        // simulator_returns_expected_values_for_base_case: 10,000 NYM pledged, 100 % performance, active work factor
        RewardEstimate e = RewardEstimator.estimate(inputs(simulatorParams(), simulatorBond(10_000_000_000d, 0)), NodeRole.LAYER2, 1);
        assertEquals(1128452.5416104363, e.operatorUnym(), 1e-6);
        assertEquals(0, e.delegatesUnym(), 1e-12);
    }

    @Test
    void matchesTheContractsSimulatorWithADelegation() {
        // single_delegation_at_genesis: 18,000 NYM delegated to the same node
        RewardEstimate e = RewardEstimator.estimate(inputs(simulatorParams(), simulatorBond(10_000_000_000d, 18_000_000_000d)),
                NodeRole.EXIT_GATEWAY, 1);
        assertEquals(1795950.2602660495, e.delegatesUnym(), 1e-6);
        assertEquals(1363716.856243172, e.operatorUnym(), 1e-6);
        assertEquals(e.totalUnym(), e.operatorUnym() + e.delegatesUnym(), 1e-6);
    }

    @Test
    void standbyWorksATenthOfAnActiveNode() {
        // By hand: budget B = 0.02 * 2.5e14 / 720 = 6,944,444,444.44; saturation point S = 1e14 / 240;
        // sigma = lambda = 1e10 / S = 0.024; standby work = 1 / (10 * 240 - 9 * 140) = 1 / 1140;
        // reward = B * 0.024 * (1/1140 + 0.3 * 0.024 / 240) / 1.3 = 116,306.79 unym.
        RewardEstimate e = RewardEstimator.estimate(inputs(simulatorParams(), simulatorBond(10_000_000_000d, 0)), NodeRole.STANDBY, 1);
        assertEquals(116306.7926, e.totalUnym(), 1e-3);
        assertEquals(1.0 / 1140, RewardEstimator.workFactor(simulatorParams(), NodeRole.STANDBY), 1e-15);
        assertEquals(10.0 / 1140, RewardEstimator.workFactor(simulatorParams(), NodeRole.LAYER1), 1e-15);
    }

    @Test
    void performanceScalesTheRewardAndTheOperatingCost() {
        RewardEstimate full = RewardEstimator.estimate(inputs(simulatorParams(), simulatorBond(10_000_000_000d, 18_000_000_000d)),
                NodeRole.LAYER1, 1);
        RewardEstimate half = RewardEstimator.estimate(inputs(simulatorParams(), simulatorBond(10_000_000_000d, 18_000_000_000d)),
                NodeRole.LAYER1, 0.5);
        assertEquals(full.totalUnym() / 2, half.totalUnym(), 1e-6);
        assertEquals(40_000_000d / 720 / 2, half.operatingCostUnym(), 1e-6);
    }

    @Test
    void aRewardBelowTheOperatingCostGoesWhollyToTheOperator() {
        // nym's documented mainnet parameters, a 100 NYM bond with 100 NYM delegated, layer 1, performance 1, by hand:
        // S = 254,977,803,911.36; sigma = 2e8 / S = 7.8438e-4; lambda = 3.9219e-4; active work = 10 / (10 * 240) = 1/240;
        // reward = 4,628,151,543.54 * sigma * (1/240 + 0.3 * lambda / 240) / 1.3 = 11,636.75 unym, below the
        // 55,555.56 unym operating cost of an epoch (40 NYM / 720): the operator gets all of it.
        RewardingParams mainnet = new RewardingParams(166613455567357.39, 61194672938727.33, 0.07342892, 4628151543.537705,
                254977803911.36386, 0.3, 10, 0.02, 80, 100, 60, 0);
        NodeBond bond = new NodeBond(7, "id", 100_000_000, false, 100_000_000, 100_000_000, 0.2, 40_000_000);
        RewardEstimate e = RewardEstimator.estimate(inputs(mainnet, bond), NodeRole.LAYER1, 1);
        assertEquals(11636.75, e.totalUnym(), 0.01);
        assertEquals(e.totalUnym(), e.operatorUnym(), 1e-9);
        assertEquals(0, e.delegatesUnym());
    }

    @Test
    void saturationIsCappedAtOne() {
        NodeBond over = simulatorBond(1_000_000_000_000d, 0);   // 1M NYM, more than the 416,667 NYM saturation point
        NodeBond at = simulatorBond(simulatorParams().stakeSaturationPoint(), 0);
        assertEquals(RewardEstimator.estimate(inputs(simulatorParams(), at), NodeRole.LAYER1, 1).totalUnym(),
                RewardEstimator.estimate(inputs(simulatorParams(), over), NodeRole.LAYER1, 1).totalUnym(), 1e-6);
    }

    @Test
    void inactiveOrUnbondingNodesEarnNothing() {
        assertEquals(0, RewardEstimator.estimate(inputs(simulatorParams(), simulatorBond(1e10, 0)), NodeRole.INACTIVE, 1).operatorUnym());
        NodeBond leaving = new NodeBond(1, "id", 1e10, true, 1e10, 0, 0.1, 40_000_000);
        assertEquals(0, RewardEstimator.estimate(inputs(simulatorParams(), leaving), NodeRole.LAYER1, 1).operatorUnym());
    }

    @Test
    void ratesPerDayAndPer30DaysCountTheEpochs() {
        RewardEstimate e = RewardEstimator.estimate(inputs(simulatorParams(), simulatorBond(1e10, 0)), NodeRole.LAYER1, 1);
        assertEquals(1.1284525416, e.operatorNymPerEpoch(), 1e-9);
        assertEquals(24 * 1.1284525416, e.operatorNymPerDay(), 1e-8);
        assertEquals(30 * 24 * 1.1284525416, e.operatorNymPer30Days(), 1e-6);
    }

    @Test
    void theLedgerCreditsEachEndedEpochOnceAndNothingWhileUnknown() {
        RewardEstimate e = RewardEstimator.estimate(inputs(simulatorParams(), simulatorBond(1e10, 0)), NodeRole.LAYER1, 1);
        RewardLedger ledger = new RewardLedger();
        assertEquals(OptionalLong.empty(), ledger.take(T0, Optional.empty()), "not bonded: unknown");
        assertEquals(OptionalLong.of(0), ledger.take(T0.plusSeconds(10), Optional.of(e)), "the epoch runs: nothing yet");
        assertEquals(OptionalLong.of(0), ledger.take(T0.plusSeconds(3000), Optional.of(e)));
        assertEquals(OptionalLong.of(1128452), ledger.take(T0.plusSeconds(3600), Optional.of(e)), "the epoch ended: credited");
        assertEquals(OptionalLong.of(0), ledger.take(T0.plusSeconds(3700), Optional.of(e)), "once");
        // the next epoch's credit carries the fraction left from the first
        assertEquals(OptionalLong.of(1128453), ledger.take(T0.plusSeconds(7300), Optional.of(e)));
        // the view loses the estimate (unbonded): the epoch it was last seen in is not credited later
        assertEquals(OptionalLong.empty(), ledger.take(T0.plusSeconds(7400), Optional.empty()));
        assertEquals(OptionalLong.of(0), ledger.take(T0.plusSeconds(11000), Optional.of(e)));
    }

    @Test
    void anIntervalReadLateDoesNotCreditAnEpochTwice() {
        RewardEstimate e = RewardEstimator.estimate(inputs(simulatorParams(), simulatorBond(1e10, 0)), NodeRole.LAYER1, 1);
        RewardLedger ledger = new RewardLedger();
        ledger.take(T0.plusSeconds(10), Optional.of(e));
        assertEquals(OptionalLong.of(1128452), ledger.take(T0.plusSeconds(3610), Optional.of(e)));
        // nym-api advanced the epoch 20 s late: a fresh reading says epoch 1001 began at 3620 s
        EpochInterval late = new EpochInterval(0, 720, T0.plusSeconds(3620), 1, Duration.ofHours(1), 1001);
        RewardEstimate again = new RewardEstimate(e.totalUnym(), e.operatorUnym(), 0, e.operatingCostUnym(), late, T0);
        assertEquals(OptionalLong.of(0), ledger.take(T0.plusSeconds(3630), Optional.of(again)), "still epoch 1001: not twice");
        assertEquals(OptionalLong.of(0), ledger.take(T0.plusSeconds(7210), Optional.of(again)));
        assertEquals(OptionalLong.of(1128453), ledger.take(T0.plusSeconds(7230), Optional.of(again)), "epoch 1001 ended");
    }
}
