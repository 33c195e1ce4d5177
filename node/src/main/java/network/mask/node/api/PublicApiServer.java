package network.mask.node.api;

import io.helidon.webserver.WebServer;
import java.util.Objects;
import network.mask.node.metrics.MetricsSource;
import network.mask.node.net.HttpServerLimits;

/**
 * The public node HTTP API, compatible with nym-node's self-described {@code /api/v1} routes that
 * nym-api polls: {@code health}, {@code build-information}, {@code roles}, {@code description},
 * {@code host-information} (signed with the identity key), {@code auxiliary-details},
 * {@code system-info}, {@code load}, {@code metrics/packets-stats} and,
 * when a bearer token is configured, {@code metrics/prometheus} (also at {@code /metrics}, the
 * path Prometheus scrapes by default).
 * <pre>{@code
 * var api = new PublicApiServer(settings, identity, profile, BuildInformation.of(version), metrics).start();
 * api.port();
 * api.close();
 * }</pre>
 */
public final class PublicApiServer implements AutoCloseable {

    private final ApiSettings settings;
    private final NodeApiService service;
    private HttpServerLimits limits = HttpServerLimits.PUBLIC_API;
    private final java.util.concurrent.atomic.AtomicLong refused = new java.util.concurrent.atomic.AtomicLong();
    private Runnable onRefused = () -> { };
    private java.util.function.Consumer<java.net.InetAddress> onDescribe = source -> { };
    private WebServer server;

    public PublicApiServer(ApiSettings settings, NodeIdentity identity, NodeProfile profile, BuildInformation build,
                           MetricsSource metrics) {
        this(settings, identity, profile, build, metrics, HostFiles.thisMachine());
    }

    /** Reading machine facts from {@code host} instead of this machine (tests). */
    PublicApiServer(ApiSettings settings, NodeIdentity identity, NodeProfile profile, BuildInformation build,
                    MetricsSource metrics, HostFiles host) {
        this.settings = Objects.requireNonNull(settings);
        this.service = new NodeApiService(Objects.requireNonNull(identity), Objects.requireNonNull(profile),
                Objects.requireNonNull(build), Objects.requireNonNull(metrics), settings.prometheusToken(),
                Objects.requireNonNull(host));
    }

    /** Other connection bounds than {@link HttpServerLimits#PUBLIC_API} (before {@link #start}). */
    public synchronized PublicApiServer limits(HttpServerLimits limits) {
        if (server != null) throw new IllegalStateException("already started");
        this.limits = Objects.requireNonNull(limits);
        return this;
    }

    /** Also tells {@code counter} of every connection closed at the per-source-network cap (before {@link #start}). */
    public synchronized PublicApiServer countRefusals(Runnable counter) {
        if (server != null) throw new IllegalStateException("already started");
        this.onRefused = Objects.requireNonNull(counter);
        return this;
    }

    /**
     * Also tells {@code witness} of every describe request ({@code GET /api/v1/host-information}, the
     * first route nym-api's describer reads: {@code nym-api/src/node_describe_cache/refresh.rs}),
     * with the requester's address (before {@link #start}).
     */
    public synchronized PublicApiServer witnessDescribeRequests(java.util.function.Consumer<java.net.InetAddress> witness) {
        if (server != null) throw new IllegalStateException("already started");
        this.onDescribe = Objects.requireNonNull(witness);
        return this;
    }

    /**
     * Adds the node's place on the network, from the status model, to {@code /api/v1/health} beside
     * nym's {@code "status": "up"} (before {@link #start}).
     */
    public synchronized PublicApiServer reportNetworkState(java.util.function.Supplier<java.util.Optional<PublicNetworkState>> source) {
        if (server != null) throw new IllegalStateException("already started");
        service.reportNetworkState(Objects.requireNonNull(source));
        return this;
    }

    /** Connections closed because their source network held its share of the connections, since start. */
    public long refusedConnections() {
        return refused.get();
    }

    /** Binds and starts serving; throws if the port is taken. */
    public synchronized PublicApiServer start() {
        if (server != null) throw new IllegalStateException("already started");
        Runnable counter = onRefused;
        java.util.function.Consumer<java.net.InetAddress> describe = onDescribe;
        server = limits.applyTo(WebServer.builder(), () -> {
                    refused.incrementAndGet();
                    counter.run();
                })
                .host(settings.bindHost())
                .port(settings.port())
                .shutdownHook(false)   // the daemon orders its own shutdown
                .routing(r -> {
                    r.get("/api/v1/host-information", (req, res) -> {
                        if (req.remotePeer().address() instanceof java.net.InetSocketAddress peer && peer.getAddress() != null) {
                            describe.accept(peer.getAddress());
                        }
                        res.next();
                    });
                    r.register("/api/v1", service);
                    if (service.servesPrometheus()) r.get("/metrics", service::prometheus);
                })
                .build()
                .start();
        return this;
    }

    /** The bound port (the real one when configured with 0). */
    public synchronized int port() {
        if (server == null) throw new IllegalStateException("not started");
        return server.port();
    }

    /** Prometheus scrapes refused for a missing or wrong token, since start. */
    public long unauthorizedScrapes() {
        return service.unauthorizedScrapes();
    }

    @Override
    public synchronized void close() {
        if (server != null) {
            server.stop();
            server = null;
        }
    }
}
