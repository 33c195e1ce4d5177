package network.mask.node.rotation;

import java.util.Optional;

/** The source when no nym-api client is plugged in: no schedule, so the keys stay as they are. */
public final class NoRotationSchedule implements RotationScheduleSource {

    @Override
    public Optional<RotationSchedule> latest() {
        return Optional.empty();
    }
}
