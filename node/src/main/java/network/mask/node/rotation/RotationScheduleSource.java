package network.mask.node.rotation;

import java.util.Optional;

/**
 * Where the rotation controller learns the network's schedule: the nym-api client in the node
 * (live, else its last-known-good copy), a fixed schedule in tests. Never blocks for long: the
 * controller calls it from its own timer, never from the packet path.
 */
public interface RotationScheduleSource {

    /** The newest schedule known, or empty when none was ever learned. */
    Optional<RotationSchedule> latest();
}
