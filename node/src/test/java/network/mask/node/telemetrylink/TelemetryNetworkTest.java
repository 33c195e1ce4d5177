package network.mask.node.telemetrylink;

import static org.junit.jupiter.api.Assertions.*;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import network.mask.node.nymapi.EpochInterval;
import network.mask.node.nymapi.NetworkStatus;
import network.mask.node.nymapi.NetworkView;
import network.mask.node.nymapi.NodeBond;
import network.mask.node.nymapi.NodeRole;
import network.mask.node.nymapi.RewardInputs;
import network.mask.node.nymapi.RewardingParams;
import network.mask.node.telemetry.NetworkReading;
import org.junit.jupiter.api.Test;

/** Home Assistant's rewards sensor is the operator's estimated rewards per day, and unknown until they can be estimated. */
class TelemetryNetworkTest {

    static final Instant NOW = Instant.parse("2026-03-01T00:00:00Z");

    static NetworkView view(Optional<RewardInputs> rewards) {
        return new NetworkView(List.of("http://127.0.0.1:1/api/"), true, Optional.of(NOW), Optional.empty(), "", false,
                Optional.of(NOW), 3, OptionalLong.of(0), true, OptionalLong.of(4), Optional.of(NodeRole.LAYER2),
                OptionalDouble.of(1), OptionalDouble.of(1), OptionalDouble.of(1), 0, 0, Map.of(), rewards);
    }

    @Test
    void rewardsPerDayAreTheEstimateAtThisEpochsRate() {
        // the contract simulator's base case (RewardEstimatorTest): 1,128,452.54 unym an hourly epoch = 27.08 NYM a day
        double pool = 250_000_000_000_000d;
        RewardingParams p = new RewardingParams(pool, 1e14, 1, 0.02 * pool / 720, 1e14 / 240, 0.3, 10, 0.02, 20, 50, 30, 140);
        RewardInputs in = new RewardInputs(p, new EpochInterval(0, 720, NOW, 0, Duration.ofHours(1), 9),
                new NodeBond(4, "id", 1e10, false, 1e10, 0, 0.1, 40_000_000), NOW);
        NetworkStatus status = () -> view(Optional.of(in));
        NetworkReading r = new TelemetryNetwork(() -> Optional.of(status)).read();
        assertEquals(24 * 1.1284525416, r.rewardsPerDayNym().getAsDouble(), 1e-8);
        assertEquals(Optional.of("mixing, layer 2"), r.role());
    }

    @Test
    void withoutRewardInputsTheSensorIsUnknown() {
        NetworkStatus status = () -> view(Optional.empty());
        assertTrue(new TelemetryNetwork(() -> Optional.of(status)).read().rewardsPerDayNym().isEmpty());
    }
}
