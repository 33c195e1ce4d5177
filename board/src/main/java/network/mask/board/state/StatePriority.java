package network.mask.board.state;

import java.util.Comparator;
import java.util.Set;

import network.mask.board.NodeState;

/**
 * Picks the one state the LEDs show when several hold: the one with the lowest
 * {@link NodeState#priority()}. The order, and why, is in board/README.md.
 */
public final class StatePriority {
    private StatePriority() {
    }

    public static NodeState pick(Set<NodeState> active) {
        return active.stream().min(Comparator.comparingInt(NodeState::priority)).orElse(NodeState.RUNNING);
    }

    public static NodeState resolve(Conditions conditions, long now) {
        return pick(conditions.activeStates(now));
    }
}
