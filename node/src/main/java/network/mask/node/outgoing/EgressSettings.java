package network.mask.node.outgoing;

import java.time.Duration;
import network.mask.node.wire.FramingVersion;

/**
 * How packets leave the node.
 *
 * @param framing          framing version written to next hops (nym-node still emits v7 by default)
 * @param queuePerPeer     packets held per next hop while it is slow or unreachable; the oldest go first
 * @param maxPeers         distinct next hops at once
 * @param connectTimeout   TCP connect timeout
 * @param backoff          reconnect delays after failures
 * @param idleClose        a connection unused this long is closed (reopened lazily)
 * @param policy           which addresses may be next hops
 */
public record EgressSettings(FramingVersion framing, int queuePerPeer, int maxPeers, Duration connectTimeout,
                             Backoff backoff, Duration idleClose, NextHopPolicy policy) {}
