package network.mask.node.incoming;

import java.time.Duration;

/**
 * @param bindHost        address to listen on ("::" for all, IPv4 and IPv6)
 * @param port            mix port (0 picks a free one, for tests)
 * @param maxConnections  open inbound connections, all peers together
 * @param maxPerAddress   open inbound connections from one IP address
 * @param idleTimeout     a connection that sends nothing this long is closed
 * @param frameTimeout    a frame must be complete this long after its first byte (slow-loris guard)
 * @param maxFrameBytes   largest frame (header + packet) accepted
 */
public record ListenerSettings(String bindHost, int port, int maxConnections, int maxPerAddress,
                               Duration idleTimeout, Duration frameTimeout, int maxFrameBytes) {}
