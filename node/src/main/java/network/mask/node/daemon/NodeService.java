package network.mask.node.daemon;

/**
 * Something that lives as long as the node: the public API, telemetry, the board's LEDs, the
 * setup page, the systemd notifier. Services start after the mix listener is up, in the order
 * they were added, and stop in reverse order before the mix pipeline drains.
 */
public interface NodeService {

    /** Starts the service. A failure is logged and leaves the mixnode running. */
    void start() throws Exception;

    /** Stops the service; must not throw and should return within a second or two. */
    void stop();

    /** A short name for logs. */
    default String name() {
        return getClass().getSimpleName();
    }
}
