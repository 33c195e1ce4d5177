package network.mask.node.apilink;

import network.mask.node.api.ApiSettings;
import network.mask.node.api.BuildInformation;
import network.mask.node.api.NetworkSelection;
import network.mask.node.api.NodeIdentity;
import network.mask.node.api.NodeProfile;
import network.mask.node.api.PublicApiServer;
import network.mask.node.daemon.NodeService;
import network.mask.node.metrics.MetricsSource;

/** The public node API (nym-node's {@code /api/v1}) on the API port, for the node's lifetime. */
public final class ApiService implements NodeService {

    private static final System.Logger LOG = System.getLogger(ApiService.class.getName());

    private final ApiSettings settings;
    private final NodeIdentity identity;
    private final NodeProfile profile;
    private final BuildInformation build;
    private final MetricsSource metrics;
    private volatile PublicApiServer server;

    public ApiService(ApiSettings settings, NodeIdentity identity, NodeProfile profile, BuildInformation build,
                      MetricsSource metrics) {
        this.settings = settings;
        this.identity = identity;
        this.profile = profile;
        this.build = build;
        this.metrics = metrics;
    }

    private Runnable refusals = () -> { };
    private System.Logger.Level blockerLevel = System.Logger.Level.WARNING;

    /** On a developer PC nothing is announced to the network: why it would not be selected is a detail, not a warning. */
    public ApiService selectionBlockersAsDetail() {
        this.blockerLevel = System.Logger.Level.INFO;
        return this;
    }

    /** Counts connections closed at the API's per-source-network cap (before {@link #start}). */
    public ApiService countRefusals(Runnable counter) {
        this.refusals = counter;
        return this;
    }

    private java.util.function.Consumer<java.net.InetAddress> describeWitness = source -> { };

    /** Tells {@code witness} of every describe request, with the requester's address (before {@link #start}). */
    public ApiService witnessDescribeRequests(java.util.function.Consumer<java.net.InetAddress> witness) {
        this.describeWitness = witness;
        return this;
    }

    private java.util.function.Supplier<java.util.Optional<network.mask.node.api.PublicNetworkState>> networkState =
            java.util.Optional::empty;

    /** The node's place on the network for {@code /api/v1/health} (before {@link #start}); see {@link PublicStatus}. */
    public ApiService reportNetworkState(java.util.function.Supplier<java.util.Optional<network.mask.node.api.PublicNetworkState>> source) {
        this.networkState = source;
        return this;
    }

    @Override
    public void start() {
        server = new PublicApiServer(settings, identity, profile, build, metrics).countRefusals(refusals)
                .witnessDescribeRequests(describeWitness).reportNetworkState(networkState).start();
        // Once, at start: the owner must know why a running node earns nothing.
        for (String blocker : NetworkSelection.blockers(profile, build)) {
            LOG.log(blockerLevel, "The Nym network will not select this node: {0}", blocker);
        }
    }

    /** The bound port, or -1 when the API is not running. */
    public int port() {
        PublicApiServer s = server;
        try {
            return s == null || s.port() <= 0 ? -1 : s.port();
        } catch (IllegalStateException stopped) {
            return -1;
        }
    }

    @Override
    public void stop() {
        PublicApiServer s = server;
        if (s != null) s.close();
    }

    @Override
    public String name() {
        return "public API";
    }
}
