package network.mask.board;

/**
 * What the LEDs tell the owner. Several conditions can hold at once; {@link #priority()} decides
 * which one shows (lower number wins). See board/README.md for the patterns and the reasons.
 */
public enum NodeState {
    /** The owner is holding the button past 3 s: counting down to a factory reset. */
    FACTORY_RESET_COUNTDOWN(1),
    /** The setup page asked the box to show itself for a while. */
    IDENTIFY(2),
    /** The node cannot do its job and needs the owner (e.g. cannot start the mixnode). */
    ERROR(3),
    /** The setup page is waiting for the owner to press the button to confirm the claim. */
    CLAIMING(4),
    /** Not set up yet: open the setup page. */
    NEEDS_SETUP(5),
    /** Starting up. */
    BOOTING(6),
    /** Working, but something is wrong (no peers, broker down, hot, throttled, low power...). */
    DEGRADED(7),
    /** Working and forwarding packets. */
    RUNNING_WITH_TRAFFIC(8),
    /** Working, idle. */
    RUNNING(9);

    private final int priority;

    NodeState(int priority) {
        this.priority = priority;
    }

    /** 1 is the most important. */
    public int priority() {
        return priority;
    }
}
