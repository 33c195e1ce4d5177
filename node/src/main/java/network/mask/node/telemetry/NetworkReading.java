package network.mask.node.telemetry;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The network's view of this node as Home Assistant shows it; every part may be unknown. The
 * owner's status itself is the {@code state} sensor (the status model's code), not part of this.
 *
 * @param described       whether nym-api lists the node (described and bonded), if known
 * @param role            its role this epoch ("layer 1", "standby", "inactive", ...), if known
 * @param performancePercent nym-api's performance for it, 0-100, if known
 * @param rewardsPerDayNym   the operator's estimated rewards per day in NYM at this epoch's rate, if known
 */
public record NetworkReading(Optional<Boolean> described, Optional<String> role,
                             OptionalDouble performancePercent, OptionalDouble rewardsPerDayNym) {

    public static final NetworkReading UNKNOWN = new NetworkReading(Optional.empty(), Optional.empty(),
            OptionalDouble.empty(), OptionalDouble.empty());

    public NetworkReading {
        Objects.requireNonNull(described);
        Objects.requireNonNull(role);
        Objects.requireNonNull(performancePercent);
        Objects.requireNonNull(rewardsPerDayNym);
    }
}
