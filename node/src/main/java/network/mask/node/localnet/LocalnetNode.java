package network.mask.node.localnet;

import network.mask.node.net.NettyDefaults;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import network.mask.node.api.ApiSettings;
import network.mask.node.api.BuildInformation;
import network.mask.node.apilink.ApiService;
import network.mask.node.apilink.ConfigProfile;
import network.mask.node.cli.Main;
import network.mask.node.config.ConfigLoader;
import network.mask.node.config.NodeConfig;
import network.mask.node.daemon.KeysIdentity;
import network.mask.node.daemon.LogFormat;
import network.mask.node.daemon.NetworkWiring;
import network.mask.node.daemon.NodeDaemon;
import network.mask.node.telemetry.DeviceInfo;
import network.mask.node.telemetry.HealthSource;
import network.mask.node.telemetry.NodeActions;
import network.mask.node.telemetrylink.TelemetryService;
import network.mask.node.telemetrylink.TelemetrySettings;

/**
 * One mix node of the local mixnet, in its own JVM so that its memory can be measured. Talks
 * to the driver over stdio: prints {@code READY <port>}; answers {@code STATS} with a stats
 * line; stops gracefully when stdin closes (also when the driver dies) and prints {@code STOPPED <stats>}.
 */
public final class LocalnetNode {

    private LocalnetNode() {}

    /** The appliance's MQTT telemetry (localnet --mqtt); Home Assistant's buttons do nothing here. */
    private static TelemetryService telemetry(NodeConfig config, NodeDaemon daemon) {
        String identity = daemon.identity().publicKeyBase58();
        NodeActions none = new NodeActions() {
            @Override public void identify() {}
            @Override public void restart() {}
        };
        return new TelemetryService(config, new DeviceInfo(config.node().name(), Main.version(), null, identity, null, null),
                TelemetrySettings.nodeId(identity), daemon.metrics(), HealthSource.NONE, none);
    }

    /**
     * The node's public API (nym-node's {@code /api/v1}), which the nym-api stand-in describes it
     * from; the local mixnet runs it when it has a stand-in.
     */
    public static ApiService publicApi(NodeDaemon daemon) {
        NodeConfig config = daemon.config();
        return new ApiService(new ApiSettings(config.api().bindHost(), config.api().port(), config.api().metricsToken()),
                new KeysIdentity(daemon::keys, daemon.noiseKeyBase58()), new ConfigProfile(daemon.configStore()),
                BuildInformation.describing(Main.version(), config.node().describeAsNymNode()),
                daemon.metrics());
    }

    /** Where the memory is, for the driver's report: heap in use and Netty's direct buffers. */
    private static String memory() {
        Runtime rt = Runtime.getRuntime();
        return " heap_used=" + (rt.totalMemory() - rt.freeMemory()) + " heap_committed=" + rt.totalMemory()
                + " netty_direct=" + io.netty.util.internal.PlatformDependent.usedDirectMemory();
    }

    public static void main(String[] args) throws Exception {
        NettyDefaults.apply();
        if (args.length != 1) {
            System.err.println("usage: LocalnetNode CONFIG_FILE");
            System.exit(2);
        }
        LogFormat.install();
        NodeConfig config = ConfigLoader.load(new ConfigLoader.Overrides(Path.of(args[0]), null, null, null, null, null, false));
        NodeDaemon daemon = NodeDaemon.builder(config).build();
        // With --noise: the Noise keys of the local mixnet's nodes, as nym-api's node list would give them.
        daemon.noisePeers().replace(NoisePeersFile.read(config.node().dataDir()));
        if (config.mqtt().enabled()) daemon.addService(telemetry(config, daemon));
        if (!config.network().nymApiUrls().isBlank()) {
            // With the nym-api stand-in: it describes the node from its API, the node learns the network from it.
            daemon.addService(publicApi(daemon));
            NetworkWiring.addTo(daemon, java.time.Clock.systemUTC());
        }
        daemon.start();
        System.out.println("READY " + daemon.mixAddress().getPort());
        System.out.flush();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                if (line.strip().equals("STATS")) {
                    System.out.println("STATS " + StatsLine.encode(daemon.metrics().snapshot()) + memory());
                    System.out.flush();
                }
            }
        }
        daemon.stop(config.limits().shutdownGrace());
        System.out.println("STOPPED " + StatsLine.encode(daemon.metrics().snapshot()));
        System.out.flush();
        System.exit(0);
    }
}
