package network.mask.node.daemon;

import java.io.PrintStream;
import network.mask.node.app.Appliance;
import network.mask.node.app.ApplianceServices;
import network.mask.node.config.NodeConfig;

/**
 * Where {@code masknode run} plugs the rest of the firmware into the mixnode. The process-wide
 * parts (board, systemd notifier, log tail) are opened once by {@link #open}; each start of the
 * node (the first, and every in-process restart) gets its services from {@link #compose}: board
 * feed, public API, MQTT telemetry, setup page and the systemd READY notice, in that order, so
 * they stop in reverse. The appliance and its wiring live in {@code network.mask.node.app}, the
 * adapters beside it ({@code boardlink}, {@code setuppage}, {@code claim}, {@code maintenance},
 * {@code telemetrylink}, {@code apilink}).
 */
final class Composition {

    private Composition() {}

    static Appliance open(NodeConfig config, PrintStream console) {
        return Appliance.open(config, console);
    }

    static void compose(NodeDaemon daemon, Appliance appliance) {
        NetworkWiring.addTo(daemon, java.time.Clock.systemUTC());   // first: the API and dashboard may show its status
        ApplianceServices.addTo(daemon, appliance);
    }
}
