package network.mask.node.api;

import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import network.mask.node.metrics.MetricsSnapshot;
import network.mask.node.metrics.MetricsSource;
import network.mask.node.metrics.RateWindow;

/** The nym-node compatible routes under {@code /api/v1}; JSON bodies use nym's field names. */
final class NodeApiService implements HttpService {

    private static final System.Logger LOG = System.getLogger(NodeApiService.class.getName());
    private static final String JSON = "application/json";
    /** nym-node's {@code DEFAULT_WS_PORT} (nym-node/src/config/gateway_tasks.rs; network-defaults' 9000). */
    static final int DEFAULT_WS_PORT = 9000;

    private final NodeIdentity identity;
    private final NodeProfile profile;
    private final BuildInformation build;
    private final MetricsSource metrics;
    private final BearerToken prometheusToken;   // null: route not served, as nym-node without a token
    private final HostFiles host;
    private final RateWindow rates = new RateWindow(Duration.ofSeconds(5));
    private final AtomicLong unauthorized = new AtomicLong();
    private volatile java.util.function.Supplier<java.util.Optional<PublicNetworkState>> networkState = java.util.Optional::empty;

    NodeApiService(NodeIdentity identity, NodeProfile profile, BuildInformation build, MetricsSource metrics,
                   String prometheusToken, HostFiles host) {
        this.identity = identity;
        this.host = host;
        this.profile = profile;
        this.build = build;
        this.metrics = metrics;
        this.prometheusToken = prometheusToken == null ? null : new BearerToken(prometheusToken);
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/health", this::health)
                .get("/build-information", this::buildInformation)
                .get("/roles", this::roles)
                .get("/description", this::description)
                .get("/host-information", this::hostInformation)
                .get("/auxiliary-details", this::auxiliaryDetails)
                .get("/gateway", this::gateway)
                .get("/gateway/client-interfaces", this::clientInterfaces)
                .get("/gateway/client-interfaces/mixnet-websockets", this::mixnetWebsockets)
                .get("/mixnode", this::mixnode)
                .get("/system-info", this::systemInfo)
                .get("/load", this::load)
                .get("/metrics/packets-stats", this::packetsStats);
        if (prometheusToken != null) rules.get("/metrics/prometheus", this::prometheus);
    }

    void reportNetworkState(java.util.function.Supplier<java.util.Optional<PublicNetworkState>> source) {
        this.networkState = source;
    }

    boolean servesPrometheus() {
        return prometheusToken != null;
    }

    long unauthorizedScrapes() {
        return unauthorized.get();
    }

    private void health(ServerRequest req, ServerResponse res) {
        MetricsSnapshot s = metrics.snapshot();
        long uptime = Math.max(0, Duration.between(s.startedAt(), s.at()).toSeconds());
        // nym-node-requests api/v1/health/models.rs: NodeStatus is serde camelCase, so Up is "up".
        SerdeJson body = SerdeJson.object().string("status", "up").number("uptime", uptime);
        // Our own addition, from the one status model; nym-api ignores fields it does not know (NodeHealth
        // has no deny_unknown_fields), so "status" stays nym's gate and this rides beside it.
        java.util.Optional<PublicNetworkState> state;
        try {
            state = networkState.get();
        } catch (RuntimeException e) {
            state = java.util.Optional.empty();
        }
        state.ifPresent(s2 -> body.raw("mask_node", SerdeJson.object().string("network_state", s2.state())
                .bool("on_the_network", s2.onTheNetwork()).end()));
        json(res, body.end());
    }

    private void buildInformation(ServerRequest req, ServerResponse res) {
        json(res, SerdeJson.object()
                .string("binary_name", build.binaryName())
                .string("build_timestamp", build.buildTimestamp())
                .string("build_version", build.buildVersion())
                .string("commit_sha", build.commitSha())
                .string("commit_timestamp", build.commitTimestamp())
                .string("commit_branch", build.commitBranch())
                .string("rustc_version", build.runtimeVersion())
                .string("rustc_channel", build.runtimeChannel())
                .string("cargo_profile", build.buildProfile())
                .string("cargo_triple", build.targetTriple())
                .end());
    }

    private void roles(ServerRequest req, ServerResponse res) {
        json(res, SerdeJson.object()
                .bool("mixnode_enabled", true)
                .bool("gateway_enabled", false)
                .bool("network_requester_enabled", false)
                .bool("ip_packet_router_enabled", false)
                .end());
    }

    private void description(ServerRequest req, ServerResponse res) {
        NodeDescription d = profile.description();
        json(res, SerdeJson.object()
                .string("moniker", d.moniker())
                .string("website", d.website())
                .string("security_contact", d.securityContact())
                .string("details", d.details())
                .end());
    }

    private void hostInformation(ServerRequest req, ServerResponse res) {
        String body;
        try {
            body = SignedHostInformation.response(identity, profile.announcedIpAddresses(), profile.hostname());
        } catch (IllegalArgumentException | IllegalStateException e) {
            LOG.log(Level.WARNING, "host information cannot be served: {0}", e.getMessage());
            res.status(Status.INTERNAL_SERVER_ERROR_500);
            json(res, SerdeJson.object().string("message", e.getMessage()).end());
            return;
        }
        json(res, body);
    }

    /** nym-node's {@code AuxiliaryDetails}; {@code http_api_port} is Mask Node's addition (serde ignores it). */
    private void auxiliaryDetails(ServerRequest req, ServerResponse res) {
        AnnouncePorts ports = profile.announcePorts();
        SerdeJson announce = SerdeJson.object();
        if (ports.verlocPort().isPresent()) announce.number("verloc_port", ports.verlocPort().getAsInt());
        else announce.nullValue("verloc_port");
        json(res, SerdeJson.object()
                .string("location", profile.location().orElse(null))
                .raw("announce_ports", announce.number("mix_port", ports.mixPort())
                        .number("http_api_port", ports.httpApiPort()).end())
                .bool("accepted_operator_terms_and_conditions", profile.acceptedOperatorTermsAndConditions())
                .end());
    }

    /**
     * nym-node's {@code Gateway} ({@code api/v1/gateway/models.rs}). nym-node serves it in every mode
     * ({@code nym-node/src/node/mod.rs} {@code build_http_server}); a mixnode's websocket port is the
     * default one, never used because the node is not declared an entry gateway.
     */
    private void gateway(ServerRequest req, ServerResponse res) {
        json(res, SerdeJson.object().bool("enforces_zk_nyms", false).raw("client_interfaces", clientInterfacesJson()).end());
    }

    private void clientInterfaces(ServerRequest req, ServerResponse res) {
        json(res, clientInterfacesJson());
    }

    /** Required by nym-api's describe even for a mixnode ({@code nym-api/src/node_describe_cache/query_helpers.rs}). */
    private void mixnetWebsockets(ServerRequest req, ServerResponse res) {
        json(res, websocketsJson());
    }

    /** nym-node's {@code Mixnode {}}: an empty object. */
    private void mixnode(ServerRequest req, ServerResponse res) {
        json(res, SerdeJson.object().end());
    }

    private static String clientInterfacesJson() {
        return SerdeJson.object().nullValue("wireguard").raw("mixnet_websockets", websocketsJson()).end();
    }

    /** nym-node's {@code WebSockets} of a node without a gateway: its default ws port, no wss. */
    private static String websocketsJson() {
        return SerdeJson.object().number("ws_port", DEFAULT_WS_PORT).nullValue("wss_port").end();
    }

    /** 403 when the owner turned it off, as nym-node does. */
    private void systemInfo(ServerRequest req, ServerResponse res) {
        if (!profile.exposeSystemInfo()) {
            res.status(Status.FORBIDDEN_403);
            json(res, SerdeJson.object().string("message", "this node does not wish to expose the system information").end());
            return;
        }
        json(res, HostSystemInfo.read(host).json());
    }

    private void load(ServerRequest req, ServerResponse res) {
        MachineLoad machine = MachineLoad.read(host);
        NodeLoad load = NodeLoad.derive(machine.loadPerCpu(), machine.memoryUsed(), packetsPerSecond(),
                profile.expectedPacketRate());
        json(res, load.json());
    }

    /** Received packets per second over the rate window; before it has history, the average since start. */
    private double packetsPerSecond() {
        MetricsSnapshot now = metrics.snapshot();
        RateWindow.Rates r = rates.sample(now);
        if (r.earlier().at().isBefore(now.at())) return r.perSecond(MetricsSnapshot::packetsReceived);
        double uptime = Duration.between(now.startedAt(), now.at()).toMillis() / 1000.0;
        return uptime >= 1 ? now.packetsReceived() / uptime : Double.NaN;
    }

    private void packetsStats(ServerRequest req, ServerResponse res) {
        json(res, NymPacketCounters.of(metrics.snapshot()).packetsStatsJson());
    }

    /** Also served at {@code /metrics}, Prometheus' default scrape path. */
    void prometheus(ServerRequest req, ServerResponse res) {
        if (!prometheusToken.accepts(req.headers().first(HeaderNames.AUTHORIZATION))) {
            unauthorized.incrementAndGet();
            res.status(Status.UNAUTHORIZED_401);
            res.header(HeaderNames.WWW_AUTHENTICATE, "Bearer");
            json(res, SerdeJson.object().string("message", "a valid bearer token is required").end());
            return;
        }
        MetricsSnapshot now = metrics.snapshot();
        String text = PrometheusMetrics.render(now, rates.sample(now), build.ownVersion(), unauthorized.get(),
                profile.acceptedOperatorTermsAndConditions());
        res.header(HeaderNames.CONTENT_TYPE, PrometheusText.CONTENT_TYPE);
        res.send(text.getBytes(StandardCharsets.UTF_8));
    }

    private static void json(ServerResponse res, String body) {
        res.header(HeaderNames.CONTENT_TYPE, JSON);
        res.send(body.getBytes(StandardCharsets.UTF_8));
    }
}
