package network.mask.node.apilink;

import java.util.Optional;
import java.util.function.Supplier;
import network.mask.node.api.PublicNetworkState;
import network.mask.node.status.Condition;
import network.mask.node.status.LiveStatus;
import network.mask.node.status.NodeStatus;

/**
 * The public status, derived from the same status model as the dashboard, the LEDs and MQTT: the
 * network condition that holds first (a status always starts with one), and nothing else. The
 * health conditions after it are the owner's business, not a stranger's.
 */
public final class PublicStatus {

    private PublicStatus() {}

    public static PublicNetworkState of(NodeStatus status) {
        Condition top = status.top().condition();
        return new PublicNetworkState(top.code(), top == Condition.WORKING);
    }

    /** Read at each request; a status that cannot be derived right now is left out rather than guessed. */
    public static Supplier<Optional<PublicNetworkState>> from(LiveStatus live) {
        return () -> {
            try {
                return Optional.of(of(live.status()));
            } catch (RuntimeException e) {
                return Optional.empty();
            }
        };
    }
}
