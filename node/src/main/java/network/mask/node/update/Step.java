package network.mask.node.update;

/** The points of a run where a power cut is simulated in the tests and logged on the box. */
public enum Step {
    CLEANED,
    FEED_VERIFIED,
    DOWNLOADED,
    UNPACKED_FILE,
    UNPACKED,
    RENAMED_INTO_PLACE,
    GATE_RECORDED,
    SWITCHED,
    RESTARTED,
    GATE_DECIDED,
    GOOD_MOVED,
    ROLLED_BACK,
    STATE_WRITTEN,
    PRUNED
}
