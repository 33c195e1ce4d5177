package network.mask.node.incoming;

import java.time.Duration;
import network.mask.node.net.SourceNetwork;

/**
 * @param bindHost        address to listen on ("::" for all, IPv4 and IPv6)
 * @param port            mix port (0 picks a free one, for tests)
 * @param maxConnections  open inbound connections, all peers together
 * @param maxPerAddress   open inbound connections from one IP address
 * @param idleTimeout     a connection that sends nothing this long is closed
 * @param frameTimeout    a frame must be complete this long after its first byte (slow-loris guard)
 * @param maxFrameBytes   largest frame (header + packet) accepted
 * @param maxPerNetwork   open inbound connections from one source network
 * @param sourceNetwork   what one source network is (IPv4 /24 and IPv6 /64 by default)
 */
public record ListenerSettings(String bindHost, int port, int maxConnections, int maxPerAddress,
                               Duration idleTimeout, Duration frameTimeout, int maxFrameBytes,
                               int maxPerNetwork, SourceNetwork sourceNetwork) {

    /** Default per-network limit (twice the per-address one) and networks (/24, /64). */
    public ListenerSettings(String bindHost, int port, int maxConnections, int maxPerAddress,
                            Duration idleTimeout, Duration frameTimeout, int maxFrameBytes) {
        this(bindHost, port, maxConnections, maxPerAddress, idleTimeout, frameTimeout, maxFrameBytes,
                2 * maxPerAddress, new SourceNetwork(24, 64));
    }
}
