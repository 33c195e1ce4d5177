package network.mask.node.status;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.Set;
import network.mask.node.nymapi.NodeRole;
import org.junit.jupiter.api.Test;

class StatusModelTest {

    private static final Instant NOW = Instant.parse("2026-12-02T04:00:00Z");
    private static final StatusFacts.Evidence RECENT = new StatusFacts.Evidence(NOW.minusSeconds(180), "the network's directory");

    private static DirectoryFacts listed(long id, NodeRole role) {
        return new DirectoryFacts(true, true, true, Optional.empty(), "", true, OptionalLong.of(id), Optional.of(role),
                OptionalDouble.of(1.0));
    }

    private static DirectoryFacts answeringNotListed() {
        return new DirectoryFacts(true, true, true, Optional.empty(), "", false, OptionalLong.empty(), Optional.empty(),
                OptionalDouble.empty());
    }

    private static StatusFacts facts(boolean address, boolean terms, DirectoryFacts d, Optional<Instant> described,
                                     Optional<StatusFacts.Evidence> reached, Set<String> health) {
        return new StatusFacts(address, terms, d, described, reached, health, NOW);
    }

    private static StatusFacts working() {
        return facts(true, true, listed(7, NodeRole.LAYER2), Optional.of(NOW.minusSeconds(180)), Optional.of(RECENT), Set.of());
    }

    @Test
    void workingIsGreenAndSaysHowTheNodeWasReached() {
        NodeStatus s = StatusModel.of(working());
        assertEquals(Condition.WORKING, s.top().condition());
        assertEquals(Light.GREEN, s.light());
        assertEquals("Working on the network: node #7 mixes in layer 2 this epoch. "
                + "Reached from the internet 3 minutes ago (by the network's directory).", s.top().sentence());
    }

    @Test
    void eachMissingFactShowsItsOwnConditionInTheOrderTheOwnerFixesThem() {
        Optional<Instant> described = Optional.of(NOW.minusSeconds(600));
        List<Condition> seen = new ArrayList<>();
        seen.add(StatusModel.of(facts(false, false, DirectoryFacts.notAsked(), Optional.empty(), Optional.empty(), Set.of())).top().condition());
        seen.add(StatusModel.of(facts(true, false, DirectoryFacts.notAsked(), Optional.empty(), Optional.empty(), Set.of())).top().condition());
        seen.add(StatusModel.of(facts(true, true, DirectoryFacts.notAsked(), Optional.empty(), Optional.empty(), Set.of())).top().condition());
        seen.add(StatusModel.of(facts(true, true, new DirectoryFacts(true, false, false, Optional.of(NOW.minusSeconds(60)),
                "connection refused", false, OptionalLong.empty(), Optional.empty(), OptionalDouble.empty()),
                Optional.empty(), Optional.empty(), Set.of())).top().condition());
        seen.add(StatusModel.of(facts(true, true, answeringNotListed(), Optional.empty(), Optional.empty(), Set.of())).top().condition());
        seen.add(StatusModel.of(facts(true, true, answeringNotListed(), described, Optional.empty(), Set.of())).top().condition());
        seen.add(StatusModel.of(facts(true, true, listed(7, NodeRole.STANDBY), described, Optional.of(RECENT), Set.of())).top().condition());
        seen.add(StatusModel.of(facts(true, true, listed(7, NodeRole.LAYER1), described, Optional.empty(), Set.of())).top().condition());
        seen.add(StatusModel.of(working()).top().condition());
        assertEquals(List.of(Condition.SETUP_NOT_FINISHED, Condition.TERMS_NOT_ACCEPTED, Condition.NETWORK_NOT_ASKED,
                Condition.NETWORK_UNREACHABLE, Condition.NOT_DESCRIBED, Condition.NOT_BONDED, Condition.NOT_ACTIVE,
                Condition.NOT_REACHED, Condition.WORKING), seen);
    }

    @Test
    void theLightIsGreenOnlyWhenWorkingOnTheNetwork() {
        // Every combination of the facts: green exactly when the model says WORKING with a healthy box.
        Optional<Instant> described = Optional.of(NOW.minusSeconds(600));
        List<DirectoryFacts> directories = List.of(DirectoryFacts.notAsked(), answeringNotListed(), listed(3, NodeRole.STANDBY),
                listed(3, NodeRole.INACTIVE), listed(3, NodeRole.LAYER3),
                new DirectoryFacts(true, false, true, Optional.of(NOW), "timeout", true, OptionalLong.of(3),
                        Optional.of(NodeRole.LAYER1), OptionalDouble.empty()));
        int green = 0;
        for (boolean address : new boolean[] {false, true}) {
            for (boolean terms : new boolean[] {false, true}) {
                for (DirectoryFacts d : directories) {
                    for (Optional<StatusFacts.Evidence> reached : List.of(Optional.<StatusFacts.Evidence>empty(), Optional.of(RECENT),
                            Optional.of(new StatusFacts.Evidence(NOW.minus(Duration.ofHours(3)), "a mix node")))) {
                        for (Set<String> health : List.of(Set.<String>of(), Set.of("cpu-hot"))) {
                            NodeStatus s = StatusModel.of(facts(address, terms, d, described, reached, health));
                            boolean shouldWork = address && terms && d.reachable() && d.listed()
                                    && d.role().orElseThrow().layer() > 0 && reached.equals(Optional.of(RECENT));
                            assertEquals(shouldWork, s.working(), s.toString());
                            if (s.light() == Light.GREEN) {
                                green++;
                                assertTrue(shouldWork && health.isEmpty(), s.toString());
                            }
                        }
                    }
                }
            }
        }
        assertEquals(1, green, "exactly one combination is green");
    }

    @Test
    void healthFollowsTheNetworkConditionAndTurnsWorkingAmber() {
        NodeStatus s = StatusModel.of(facts(true, true, listed(7, NodeRole.LAYER2), Optional.empty(), Optional.of(RECENT),
                Set.of("cpu-hot", "under-voltage")));
        assertEquals(List.of(Condition.WORKING, Condition.UNDER_VOLTAGE, Condition.CPU_HOT),
                s.findings().stream().map(Finding::condition).toList());
        assertEquals(Light.AMBER, s.light());
        assertTrue(s.findings().get(2).sentence().contains("80 °C"), s.findings().get(2).sentence());
    }

    @Test
    void setupNotFinishedIsBlueAndLinksToTheAddressPage() {
        NodeStatus s = StatusModel.of(facts(false, true, DirectoryFacts.notAsked(), Optional.empty(), Optional.empty(), Set.of()));
        assertEquals(Light.BLUE, s.light());
        assertEquals("/setup/network", s.top().condition().fixPath());
    }

    @Test
    void aLowConfigScoreIsExplained() {
        DirectoryFacts zero = new DirectoryFacts(true, true, true, Optional.empty(), "", true, OptionalLong.of(9),
                Optional.of(NodeRole.INACTIVE), OptionalDouble.of(0));
        String sentence = StatusModel.of(facts(true, true, zero, Optional.empty(), Optional.of(RECENT), Set.of())).top().sentence();
        assertTrue(sentence.startsWith("Bonded as node #9, but not in this epoch's active set."), sentence);
        assertTrue(sentence.contains("config score of 0"), sentence);
    }

    @Test
    void oldEvidenceDoesNotCountAsReachedAndSaysSinceWhen() {
        StatusFacts old = facts(true, true, listed(7, NodeRole.LAYER1), Optional.empty(),
                Optional.of(new StatusFacts.Evidence(NOW.minus(Duration.ofHours(5)), "a mix node")), Set.of());
        NodeStatus s = StatusModel.of(old);
        assertEquals(Condition.NOT_REACHED, s.top().condition());
        assertNotEquals(Light.GREEN, s.light());
        assertTrue(s.top().sentence().contains("since 5 hours ago"), s.top().sentence());
        assertFalse(s.working());
    }

    @Test
    void unreachableDirectorySaysSinceWhenAndWhy() {
        DirectoryFacts down = new DirectoryFacts(true, false, true, Optional.of(NOW.minusSeconds(7200)), "connection refused", true,
                OptionalLong.of(7), Optional.of(NodeRole.LAYER1), OptionalDouble.empty());
        String sentence = StatusModel.of(facts(true, true, down, Optional.empty(), Optional.of(RECENT), Set.of())).top().sentence();
        assertEquals("The network's directory (nym-api) cannot be reached since 2 hours (connection refused). "
                + "The figures below are the last known; the node keeps mixing with what it knew.", sentence);
    }
}
