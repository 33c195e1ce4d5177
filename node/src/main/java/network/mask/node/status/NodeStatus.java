package network.mask.node.status;

import java.util.List;

/**
 * The node's state for its owner: the conditions that hold, most important first. Never empty:
 * exactly one network condition ({@link Condition#WORKING} or what keeps the node from working)
 * comes first, health conditions follow.
 */
public record NodeStatus(List<Finding> findings) {

    public NodeStatus {
        findings = List.copyOf(findings);
        if (findings.isEmpty() || findings.getFirst().condition().isHealth()) {
            throw new IllegalArgumentException("a status starts with its network condition");
        }
    }

    /** The condition that decides the light and the headline. */
    public Finding top() {
        return findings.getFirst();
    }

    /** Green only when working on the network and nothing is wrong with the box; blue while set up; else amber. */
    public Light light() {
        if (top().condition() == Condition.WORKING) return findings.size() == 1 ? Light.GREEN : Light.AMBER;
        return top().condition().light();
    }

    public boolean working() {
        return top().condition() == Condition.WORKING;
    }

    public boolean holds(Condition c) {
        return findings.stream().anyMatch(f -> f.condition() == c);
    }
}
