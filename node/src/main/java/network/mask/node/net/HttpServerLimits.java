package network.mask.node.net;

import io.helidon.common.socket.SocketOptions;
import io.helidon.webserver.WebServerConfig;
import java.time.Duration;

/**
 * Server-level bounds for a Helidon web server that strangers can reach. Helidon gives every
 * accepted connection a virtual thread and its buffers (about 20 KB of heap), with no cap and no
 * header deadline by default: about 9,000 idle connections exhausted a 192 MiB heap (redteam D1).
 * <ul>
 * <li>{@code maxConnections}: Helidon stops accepting at this many (the rest wait in the kernel's
 *     backlog, which costs the JVM nothing, and are refused by the kernel when it is full);</li>
 * <li>{@code readTimeout}: a read that gets no byte this long closes the connection;</li>
 * <li>{@code idleTimeout}, checked every {@code idleCheck}: a connection that has not completed
 *     a request this long is closed, however slowly it drips its header (slow-loris);</li>
 * <li>{@code maxPayload}: largest request body;</li>
 * <li>{@code maxPerNetwork}: connections one source network (IPv4 /24, IPv6 /64) may hold at once
 *     ({@link PerSourceHttpConnections}), so one attacker cannot take every slot.</li>
 * </ul>
 * Headers are bounded by Helidon's defaults (request line 2 KiB, headers 16 KiB: 400 beyond).
 */
public record HttpServerLimits(int maxConnections, Duration readTimeout, Duration idleTimeout, Duration idleCheck,
                               long maxPayload, int maxPerNetwork) {

    /**
     * The public API: nym-api and explorers poll it a few times a minute; bodies are never read.
     * One nym-api opens up to ten connections at once to describe a node (health and host-information,
     * then nine routes concurrently: {@code query_for_described_data} in
     * {@code nym-api/src/node_describe_cache/query_helpers.rs}), and a reused connection the node closed
     * meanwhile costs another; 32 per source network lets two such describers share a network (nym-api
     * instances in one data centre) and still leaves three quarters of the slots to everyone else.
     */
    public static final HttpServerLimits PUBLIC_API = new HttpServerLimits(128, Duration.ofSeconds(10),
            Duration.ofSeconds(20), Duration.ofSeconds(5), 64 * 1024, 32);

    /** Heap one open connection can hold at most: Helidon's buffers, thread and a full header. */
    public static final int BYTES_PER_CONNECTION = 64 * 1024;

    public HttpServerLimits {
        if (maxConnections < 1) throw new IllegalArgumentException("maxConnections must be at least 1");
        if (maxPayload < 0) throw new IllegalArgumentException("maxPayload must not be negative");
        if (maxPerNetwork < 1) throw new IllegalArgumentException("maxPerNetwork must be at least 1");
    }

    /** Sets these bounds on a server being built; {@code onRefused} counts connections closed at the per-network cap. */
    public WebServerConfig.Builder applyTo(WebServerConfig.Builder server, Runnable onRefused) {
        return server.maxTcpConnections(maxConnections)
                // Ours must be the only connection selector: with a second one (Helidon's discovered HTTP/1
                // selector) Helidon first reads to identify the protocol, with no deadline, and a silent peer
                // would hold its slot forever (ConnectionHandler.identifyConnection, Helidon 4.5.0).
                .protocolsDiscoverServices(false)
                .addConnectionSelector(new PerSourceHttpConnections(SourceNetwork.DEFAULT, maxPerNetwork, onRefused))
                .maxPayloadSize(maxPayload)
                .idleConnectionTimeout(idleTimeout)
                .idleConnectionPeriod(idleCheck)
                .connectionOptions(SocketOptions.builder().readTimeout(readTimeout).build());
    }

    /** Worst-case heap held by connections under this cap. */
    public long heapBound() {
        return (long) maxConnections * BYTES_PER_CONNECTION;
    }
}
