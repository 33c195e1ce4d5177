package network.mask.node.networkview;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import network.mask.node.nymapi.NetworkView;
import network.mask.node.nymapi.NodeRole;
import org.junit.jupiter.api.Test;

class NetworkViewReportTest {

    private static final Instant NOW = Instant.parse("2026-12-02T04:00:00Z");

    private static NetworkView view(boolean reachable, Optional<Instant> lastSuccess, Optional<Instant> unreachableSince,
                                    String error, boolean listed, NodeRole role, OptionalDouble configScore) {
        return new NetworkView(List.of("http://127.0.0.1:1/api/"), reachable, lastSuccess, unreachableSince, error, !reachable,
                lastSuccess, 40, OptionalLong.of(3), listed, listed ? OptionalLong.of(12) : OptionalLong.empty(),
                listed ? Optional.of(role) : Optional.empty(), listed ? OptionalDouble.of(0.97) : OptionalDouble.empty(),
                configScore, OptionalDouble.empty(), 0, 0, Map.of());
    }

    private static Map<String, String> lines(List<NetworkViewReport.Line> lines) {
        return lines.stream().collect(java.util.stream.Collectors.toMap(NetworkViewReport.Line::label, NetworkViewReport.Line::value,
                (a, b) -> a, java.util.LinkedHashMap::new));
    }

    @Test
    void aListedActiveNodeShowsItsPlaceOnTheNetwork() {
        Map<String, String> l = lines(NetworkViewReport.of(Optional.of(view(true, Optional.of(NOW.minusSeconds(120)), Optional.empty(), "",
                true, NodeRole.LAYER3, OptionalDouble.of(1.0))), Optional.of(NOW.minusSeconds(600)), true, true, NOW));
        assertEquals("answered 2 minutes ago", l.get("Network's directory (nym-api)"));
        assertEquals("yes, read 10 minutes ago", l.get("Described by the network"));
        assertEquals("#12", l.get("Bonded node id"));
        assertEquals("mixing, layer 3", l.get("Role this epoch"));
        assertEquals("97 %", l.get("Performance"));
        assertEquals("1.00", l.get("Config score"));
        assertEquals("40", l.get("Nodes known"));
        assertEquals("not known yet: the network has not given its reward parameters, the bond or the performance",
                l.get("Rewards (estimated)"), "listed, but no reward inputs read: nothing is made up");
    }

    @Test
    void anUnbondedNodeHasNoRewardsToEstimate() {
        Map<String, String> l = lines(NetworkViewReport.of(Optional.of(view(true, Optional.of(NOW), Optional.empty(), "",
                false, NodeRole.INACTIVE, OptionalDouble.empty())), Optional.of(NOW), true, true, NOW));
        assertEquals("none until the node is bonded", l.get("Rewards (estimated)"));
    }

    @Test
    void whenTheDirectoryCannotBeReachedTheLastKnownValuesCarryTheirAge() {
        Map<String, String> l = lines(NetworkViewReport.of(Optional.of(view(false, Optional.of(NOW.minusSeconds(7200)),
                Optional.of(NOW.minusSeconds(3000)), "timeout: no answer", true, NodeRole.STANDBY, OptionalDouble.of(0.8))),
                Optional.empty(), true, true, NOW));
        assertEquals("cannot be reached since 50 minutes ago (timeout: no answer); the values below are the last known, from 2 hours ago",
                l.get("Network's directory (nym-api)"));
        assertEquals("standby (ready, not chosen this epoch)", l.get("Role this epoch"));
        assertEquals("0.80: the node's version is behind the network's current release", l.get("Config score"));
    }

    @Test
    void aLowConfigScoreNamesItsReason() {
        NetworkView zero = view(true, Optional.of(NOW), Optional.empty(), "", true, NodeRole.INACTIVE, OptionalDouble.of(0));
        assertEquals("0.00: the operator terms are not accepted",
                lines(NetworkViewReport.of(Optional.of(zero), Optional.empty(), false, true, NOW)).get("Config score"));
        assertEquals("0.00: the node does not describe itself as nym-node (node.describe_as_nym_node)",
                lines(NetworkViewReport.of(Optional.of(zero), Optional.empty(), true, false, NOW)).get("Config score"));
    }

    @Test
    void withoutNymApiOrBeforeItsFirstAnswerNothingIsMadeUp() {
        assertEquals(List.of(new NetworkViewReport.Line("Network's directory (nym-api)", "not asked: no nym-api address is set")),
                NetworkViewReport.of(Optional.empty(), Optional.empty(), true, true, NOW));
        NetworkView never = new NetworkView(List.of(), false, Optional.empty(), Optional.of(NOW), "refused", false, Optional.empty(),
                0, OptionalLong.empty(), false, OptionalLong.empty(), Optional.empty(), OptionalDouble.empty(), OptionalDouble.empty(),
                OptionalDouble.empty(), 0, 0, Map.of());
        assertEquals(List.of(new NetworkViewReport.Line("Network's directory (nym-api)", "not reached yet (refused)")),
                NetworkViewReport.of(Optional.of(never), Optional.empty(), true, true, NOW));
    }
}
