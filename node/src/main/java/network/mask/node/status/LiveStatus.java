package network.mask.node.status;

import java.time.Clock;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import network.mask.node.config.NodeConfig;
import network.mask.node.nymapi.NetworkView;
import network.mask.node.reachability.ReachabilityLog;
import network.mask.node.reachability.Witness;

/**
 * Reads the facts now and derives the status: the node's config (public address, terms), the
 * nym-api client's view, the reachability log and the board's health alarms. Cheap: everything it
 * reads is already in memory, so the dashboard, the LEDs and MQTT can each ask once a second.
 */
public final class LiveStatus {

    private final Supplier<NodeConfig> config;
    private final Supplier<Optional<NetworkView>> network;
    private final ReachabilityLog reachability;
    private final Supplier<Set<String>> healthReasons;
    private final Clock clock;

    public LiveStatus(Supplier<NodeConfig> config, Supplier<Optional<NetworkView>> network, ReachabilityLog reachability,
                      Supplier<Set<String>> healthReasons, Clock clock) {
        this.config = config;
        this.network = network;
        this.reachability = reachability;
        this.healthReasons = healthReasons;
        this.clock = clock;
    }

    public StatusFacts facts() {
        NodeConfig c = config.get();
        Optional<StatusFacts.Evidence> reached = reachability.lastReached()
                .map(s -> new StatusFacts.Evidence(s.at(), s.by().words()));
        return new StatusFacts(!c.mixnet().announceHost().isBlank(), c.node().acceptedOperatorTermsAndConditions(),
                DirectoryFacts.of(network.get()), reachability.last(Witness.DIRECTORY), reached, healthReasons.get(),
                clock.instant());
    }

    public NodeStatus status() {
        return StatusModel.of(facts());
    }

    public Optional<NetworkView> networkView() {
        return network.get();
    }

    public ReachabilityLog reachability() {
        return reachability;
    }

    public NodeConfig config() {
        return config.get();
    }

    public Clock clock() {
        return clock;
    }
}
