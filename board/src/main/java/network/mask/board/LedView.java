package network.mask.board;

import java.util.Map;
import java.util.Objects;

/**
 * What the LEDs show right now, for the setup page to mirror and for dev mode on a PC.
 *
 * @param state       the state on display
 * @param description the pattern in words, e.g. "STATUS blinks fast (4 per second)"
 * @param levels      each role's current level 0..1 after brightness and the LEDs on/off
 *                    setting, for every role (also those without a physical LED)
 */
public record LedView(NodeState state, String description, Map<LedRole, Double> levels) {
    public LedView {
        Objects.requireNonNull(state);
        Objects.requireNonNull(description);
        levels = Map.copyOf(levels);
    }
}
