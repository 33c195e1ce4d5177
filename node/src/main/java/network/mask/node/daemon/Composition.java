package network.mask.node.daemon;

/**
 * Where {@code masknode run} plugs the rest of the firmware into the mixnode: the public API,
 * telemetry, the board's LEDs (a mock with {@code --dev}), the setup page and the systemd
 * notifier, each as a {@link NodeService} added with {@link NodeDaemon#addService} before start.
 * Services read {@link NodeDaemon#metrics()}, sign with {@link NodeDaemon#identity()}, save
 * settings through {@link NodeDaemon#configStore()} and watch {@link NodeDaemon#healthy()}.
 */
final class Composition {

    private Composition() {}

    static void compose(NodeDaemon daemon) {
        // Services are added here as the other modules land.
    }
}
