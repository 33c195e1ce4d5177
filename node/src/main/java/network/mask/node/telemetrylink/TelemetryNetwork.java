package network.mask.node.telemetrylink;

import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Supplier;
import network.mask.node.nymapi.NetworkStatus;
import network.mask.node.nymapi.NetworkView;
import network.mask.node.nymapi.NodeRole;
import network.mask.node.rewards.RewardEstimator;
import network.mask.node.telemetry.NetworkReading;
import network.mask.node.telemetry.NetworkSource;

/**
 * The node's network view as Home Assistant's network entities read it. Until nym-api has
 * answered once, everything is unknown (never "not described" by guess). The owner's status is the
 * separate {@code state} sensor; rewards are the operator's estimated rewards per day at this
 * epoch's rate, unknown until bond, reward parameters and performance are read.
 */
public final class TelemetryNetwork implements NetworkSource {

    private final Supplier<Optional<NetworkStatus>> status;

    /** @param status the node's network directory, once it has one (it is made when the node starts) */
    public TelemetryNetwork(Supplier<Optional<NetworkStatus>> status) {
        this.status = status;
    }

    @Override
    public NetworkReading read() {
        Optional<NetworkStatus> directory = status.get();
        if (directory.isEmpty()) return NetworkReading.UNKNOWN;
        NetworkView v = directory.get().view();
        if (v.lastSuccess().isEmpty()) return NetworkReading.UNKNOWN;
        return new NetworkReading(Optional.of(v.listed()), v.role().map(TelemetryNetwork::words),
                v.performance().isPresent() ? OptionalDouble.of(100 * v.performance().getAsDouble()) : OptionalDouble.empty(),
                RewardEstimator.of(v).map(r -> OptionalDouble.of(r.operatorNymPerDay())).orElse(OptionalDouble.empty()));
    }

    static String words(NodeRole role) {
        return switch (role) {
            case LAYER1, LAYER2, LAYER3 -> "mixing, layer " + role.layer();
            case ENTRY_GATEWAY -> "entry gateway";
            case EXIT_GATEWAY -> "exit gateway";
            case STANDBY -> "standby";
            case INACTIVE -> "inactive";
        };
    }
}
