package network.mask.node.rewards;

import static org.junit.jupiter.api.Assertions.*;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import network.mask.node.networkview.NetworkViewReport;
import network.mask.node.nymapi.LastKnownGood;
import network.mask.node.nymapi.NetworkDirectory;
import network.mask.node.nymapi.NetworkView;
import network.mask.node.nymapi.NodeRole;
import network.mask.node.nymapi.NymApiClient;
import network.mask.node.nymapi.NymApiHttp;
import network.mask.node.nymapi.RewardInputs;
import network.mask.node.nymapistandin.ApiNode;
import network.mask.node.nymapistandin.EpochClock;
import network.mask.node.nymapistandin.HttpNodeDescriber;
import network.mask.node.nymapistandin.NymApiStandIn;
import network.mask.node.nymapistandin.StandInRewards;
import network.mask.node.nymapistandin.TestClock;
import network.mask.node.topology.KnownNodes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real node, described and bonded in the nym-api stand-in, reads its reward inputs over loopback
 * HTTP through its network directory; the estimate and the owner's words follow, and stay (with
 * their age) when nym-api goes away.
 */
class RewardsOnTheStandInTest {

    static final NetworkDirectory.Settings SLOW_TIMERS =
            new NetworkDirectory.Settings(Duration.ofHours(1), Duration.ofHours(1), Duration.ofHours(1));

    @TempDir Path dir;
    ApiNode node;
    NymApiStandIn standIn;
    final TestClock time = new TestClock(Instant.parse("2026-03-01T00:00:00Z"));

    @BeforeEach
    void start() throws Exception {
        node = ApiNode.start(dir.resolve("node"));
        standIn = new NymApiStandIn(EpochClock.startingNow(Duration.ofHours(1), 3, time), new HttpNodeDescriber(true), 100).start();
    }

    @AfterEach
    void stop() {
        if (standIn != null) standIn.close();
        node.close();
    }

    NetworkDirectory directory() {
        return new NetworkDirectory(new NymApiClient(new NymApiHttp(List.of(standIn.baseUrl()), Duration.ofSeconds(5), "test")),
                new LastKnownGood(dir.resolve("state")), new KnownNodes(), node.daemon.identity(), () -> "announce", SLOW_TIMERS, time);
    }

    static Map<String, String> lines(NetworkView v, Instant now) {
        return NetworkViewReport.of(java.util.Optional.of(v), java.util.Optional.empty(), true, true, now).stream()
                .collect(Collectors.toMap(NetworkViewReport.Line::label, NetworkViewReport.Line::value));
    }

    @Test
    void aBondedActiveNodeSeesItsEstimatedRewardsAndKeepsThemWhenTheNetworkIsGone() throws Exception {
        long id = standIn.register(node.apiBase(), NodeRole.LAYER1);
        // 1,000 NYM pledged, 9,000 NYM delegated, 20 % margin, 40 NYM an interval; nym's documented mainnet parameters
        standIn.rewards().bond(id, new StandInRewards.Bond(1_000_000_000L, BigDecimal.valueOf(1_000_000_000L),
                BigDecimal.valueOf(9_000_000_000L), "0.2", 40_000_000L, false));
        try (NetworkDirectory directory = directory()) {
            assertTrue(directory.refresh());
            NetworkView v = directory.view();
            RewardInputs in = v.rewardInputs().orElseThrow();
            assertEquals(id, in.bond().nodeId());
            assertEquals(node.daemon.identity().publicKeyBase58(), in.bond().identityKey());
            assertEquals(720, in.interval().epochsInInterval());
            assertEquals(standIn.clock().currentEpoch(), in.interval().currentEpochAbsoluteId());
            assertEquals(240, in.params().rewardedSetSize());

            // By hand (RewardEstimator's steps): S = 254,977,803,911.36 unym; sigma = 1e10 / S = 0.0392191,
            // lambda = 1e9 / S = 0.00392191; active work = 10 / 2400; reward = 4,628,151,543.54 * sigma
            // * (1/240 + 0.3 * lambda / 240) / 1.3 = 582,453.53 unym; cost = 40e6 / 720 = 55,555.56;
            // operator = (reward - cost) * (0.2 + 0.8 * 0.1) + cost = 203,086.99 unym; delegates 379,366.54.
            RewardEstimate e = RewardEstimator.of(v).orElseThrow();
            assertEquals(582453.53, e.totalUnym(), 0.01, v.toString());
            assertEquals(203086.99, e.operatorUnym(), 0.01);
            assertEquals(379366.54, e.delegatesUnym(), 0.01);
            String words = lines(v, time.instant()).get("Rewards (estimated)");
            assertEquals("0.2031 NYM this epoch, 4.87 NYM a day, 146 NYM in 30 days at this rate (estimated from the network's "
                    + "reward parameters, your stake and performance)", words);

            // standby: a tenth of the active work (no standby slots in these parameters: 1 / 2400)
            standIn.assignRole(id, NodeRole.STANDBY);
            assertTrue(directory.refresh());
            assertTrue(RewardEstimator.of(directory.view()).orElseThrow().operatorUnym() < e.operatorUnym());

            standIn.close();
            standIn = null;
            time.advance(Duration.ofMinutes(20));
            assertFalse(directory.refresh());
            NetworkView down = directory.view();
            assertTrue(down.rewardInputs().isPresent(), "the last known inputs stay");
            assertTrue(lines(down, time.instant()).get("Rewards (estimated)").endsWith("; as of 20 minutes ago)"),
                    lines(down, time.instant()).get("Rewards (estimated)"));
        }
    }

    @Test
    void anInactiveNodeEarnsNothingAndTheOwnerIsToldWhy() throws Exception {
        standIn.register(node.apiBase(), NodeRole.INACTIVE);
        try (NetworkDirectory directory = directory()) {
            assertTrue(directory.refresh());
            assertTrue(lines(directory.view(), time.instant()).get("Rewards (estimated)")
                    .startsWith("0 NYM: the node is not in this epoch's rewarded set"));
        }
    }

    @Test
    void theInputsAreReadAtMostHourlyUnlessTheNodeIdChanges() throws Exception {
        long id = standIn.register(node.apiBase(), NodeRole.LAYER1);
        try (NetworkDirectory directory = directory()) {
            assertTrue(directory.refresh());
            Instant first = directory.view().rewardInputs().orElseThrow().asOf();
            standIn.rewards().bond(id, new StandInRewards.Bond(2_000_000_000L, BigDecimal.valueOf(2_000_000_000L),
                    BigDecimal.ZERO, "0.2", 40_000_000L, false));
            time.advance(Duration.ofMinutes(10));
            assertTrue(directory.refresh());
            assertEquals(first, directory.view().rewardInputs().orElseThrow().asOf(), "not read again within the hour");
            time.advance(Duration.ofMinutes(51));
            assertTrue(directory.refresh());
            RewardInputs again = directory.view().rewardInputs().orElseThrow();
            assertEquals(2_000_000_000d, again.bond().operatorUnym());
            assertEquals(Clock.offset(time, Duration.ZERO).instant(), again.asOf());
        }
    }
}
