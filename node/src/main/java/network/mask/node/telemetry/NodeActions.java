package network.mask.node.telemetry;

/**
 * What the Home Assistant buttons may ask the node to do. Called on the telemetry thread; an
 * implementation that takes long (a restart) should hand the work off and return.
 */
public interface NodeActions {

    /** Make the device findable: blink the status LED for a while. */
    void identify();

    /** Restart the mixnode service gracefully. */
    void restart();
}
