package network.mask.node.daemon;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import network.mask.node.config.NodeConfig;
import network.mask.node.keys.NodeKeys;
import network.mask.node.keys.SphinxKey;
import network.mask.node.nymapi.LastKnownGood;
import network.mask.node.nymapi.NetworkDirectory;
import network.mask.node.nymapi.NymApiClient;
import network.mask.node.nymapi.NymApiHttp;
import network.mask.node.nymapi.NymApiUrls;

/**
 * Plugs the nym-api client into a node: a {@link NetworkDirectory} that fills the daemon's
 * {@link network.mask.node.topology.KnownNodes}, serves the rotation schedule and the network status,
 * and asks nym-api to describe the node again when what it announces changes. Not wired when
 * {@code [network] nym_api_urls} is empty (the default with {@code --dev}): then nothing is asked.
 */
public final class NetworkWiring implements NodeService {

    private static final Duration RETRY_INITIAL = Duration.ofSeconds(5);

    private final NetworkDirectory directory;

    private NetworkWiring(NetworkDirectory directory) {
        this.directory = directory;
    }

    /** Adds the nym-api client to the daemon (before start), or returns empty when no URL is configured. */
    public static Optional<NetworkWiring> addTo(NodeDaemon daemon, Clock clock) {
        NodeConfig config = daemon.config();
        NodeConfig.Network net = config.network();
        if (net.nymApiUrls().isBlank()) return Optional.empty();
        NymApiHttp http = new NymApiHttp(NymApiUrls.parse(net.nymApiUrls()), net.nymApiTimeout(), "mask-node");
        Duration retry = RETRY_INITIAL.compareTo(net.topologyRefresh()) < 0 ? RETRY_INITIAL : net.topologyRefresh();
        NetworkDirectory directory = new NetworkDirectory(new NymApiClient(http), new LastKnownGood(config.node().dataDir()),
                daemon.knownNodes(), daemon.noisePeers(), daemon.identity(), () -> announcement(daemon),
                new NetworkDirectory.Settings(net.topologyRefresh(), net.unknownNodeLookup(), retry), clock);
        NetworkWiring wiring = new NetworkWiring(directory);
        daemon.addService(wiring);
        daemon.attachNetwork(directory);
        return Optional.of(wiring);
    }

    /** What nym-api reads about this node that can change while it runs: address, port and Sphinx keys. */
    static String announcement(NodeDaemon daemon) {
        NodeConfig.Mixnet mix = daemon.config().mixnet();
        NodeKeys keys = daemon.keys();
        StringBuilder sb = new StringBuilder(mix.announceHost()).append(':').append(mix.effectiveAnnouncePort());
        for (SphinxKey k : List.copyOf(keys.sphinxKeys())) sb.append('|').append(k.rotationId()).append(':').append(k.publicKeyBase58());
        return sb.toString();
    }

    public NetworkDirectory directory() {
        return directory;
    }

    @Override
    public void start() {
        directory.start();
    }

    @Override
    public void stop() {
        directory.close();
    }

    @Override
    public String name() {
        return "nym-api client";
    }
}
