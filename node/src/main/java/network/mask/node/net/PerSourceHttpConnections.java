package network.mask.node.net;

import io.helidon.common.buffers.BufferData;
import io.helidon.common.concurrency.limits.Limit;
import io.helidon.webserver.ConnectionContext;
import io.helidon.webserver.http1.Http1Config;
import io.helidon.webserver.http1.Http1ConnectionSelector;
import io.helidon.webserver.spi.ServerConnection;
import io.helidon.webserver.spi.ServerConnectionSelector;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;

/**
 * A per-source-network cap on a Helidon server's HTTP/1 connections: without it one /64 (or one
 * /24) holding the server's whole connection cap ({@link HttpServerLimits}) keeps nym-api from
 * describing the node. It is the server's only connection selector ({@link HttpServerLimits#applyTo}
 * turns Helidon's discovery off): it makes Helidon's HTTP/1 connection and wraps it, so a source over its
 * limit is closed at once, before anything is read, and counted. It must stay the only one: with two
 * selectors Helidon first reads to identify the protocol, with no deadline, and a silent peer would
 * hold its slot forever ({@code ConnectionHandler.identifyConnection}, Helidon 4.5.0;
 * {@code ApiPerNetworkLimitTest} guards it).
 */
public final class PerSourceHttpConnections implements ServerConnectionSelector {

    // Helidon's HTTP/1 defaults, as the server would make them with no protocol configured.
    private final ServerConnectionSelector http1 = Http1ConnectionSelector.builder().config(Http1Config.create()).build();
    private final SourceNetwork networks;
    private final int perNetwork;
    private final Runnable onRefused;
    private final ConcurrentHashMap<SourceNetwork.Key, Integer> open = new ConcurrentHashMap<>();

    /**
     * @param perNetwork most connections one source network may hold at once
     * @param onRefused  called once for each connection closed at the limit (a counter)
     */
    public PerSourceHttpConnections(SourceNetwork networks, int perNetwork, Runnable onRefused) {
        if (perNetwork < 1) throw new IllegalArgumentException("perNetwork must be at least 1");
        this.networks = networks;
        this.perNetwork = perNetwork;
        this.onRefused = onRefused;
    }

    @Override
    public int bytesToIdentifyConnection() {
        return http1.bytesToIdentifyConnection();
    }

    @Override
    public Support supports(BufferData data) {
        return http1.supports(data);
    }

    @Override
    public Set<String> supportedApplicationProtocols() {
        return http1.supportedApplicationProtocols();
    }

    @Override
    public ServerConnection connection(ConnectionContext ctx) {
        ServerConnection inner = http1.connection(ctx);
        if (!(ctx.remotePeer().address() instanceof InetSocketAddress peer) || peer.getAddress() == null) return inner;
        return new Counted(inner, networks.of(peer.getAddress()));
    }

    /** Connections open now from the network of {@code address}. */
    public int openFrom(InetAddress address) {
        return open.getOrDefault(networks.of(address), 0);
    }

    /** Counts a connection in, atomically with the check (concurrent opens cannot overshoot). */
    private boolean tryOpen(SourceNetwork.Key key) {
        boolean[] admitted = {false};
        open.compute(key, (k, n) -> {
            int count = n == null ? 0 : n;
            if (count >= perNetwork) return n;
            admitted[0] = true;
            return count + 1;
        });
        return admitted[0];
    }

    private void release(SourceNetwork.Key key) {
        open.computeIfPresent(key, (k, n) -> n <= 1 ? null : n - 1);
    }

    /** The HTTP/1 connection, run only while its source network is under its limit. */
    private final class Counted implements ServerConnection {
        private final ServerConnection inner;
        private final SourceNetwork.Key key;

        Counted(ServerConnection inner, SourceNetwork.Key key) {
            this.inner = inner;
            this.key = key;
        }

        @Override
        public void handle(Semaphore requestSemaphore) throws InterruptedException {
            if (!tryOpen(key)) {
                onRefused.run();
                return;   // Helidon closes the socket when handle returns
            }
            try {
                inner.handle(requestSemaphore);
            } finally {
                release(key);
            }
        }

        @Override
        public void handle(Limit limit) throws InterruptedException {
            if (!tryOpen(key)) {
                onRefused.run();
                return;
            }
            try {
                inner.handle(limit);
            } finally {
                release(key);
            }
        }

        @Override
        public Duration idleTime() {
            return inner.idleTime();
        }

        @Override
        public void close(boolean interrupt) {
            inner.close(interrupt);
        }
    }
}
